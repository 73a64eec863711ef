import {describe, expect, test} from 'vitest'

import {type RenderableArticle, renderArticle, renderPage} from '../render'

const bare: RenderableArticle = {
  _id: 'a',
  title: 'Ukraine presses on',
  slug: 'ukraine-presses-on',
  standfirst: null,
  publishedAt: null,
  byline: {authors: [], agencies: []},
  sections: [],
}

/**
 * The page around a title and an article's HTML: the bare article's page, its title and article
 * swapped (the styles and script are the page's own, not repeated here).
 */
function page(title: string, article: string): string {
  const [head = '', body = ''] = renderPage(bare).split(`<title>${bare.title}</title>`)
  return `${head}<title>${title}</title>${body.replace(renderArticle(bare), article)}`
}

/** Articles and the page each renders. */
const cases: {n: number; name: string; input: RenderableArticle; output: string}[] = [
  {
    n: 1,
    name: 'the title in the head, the article in the body',
    input: bare,
    output: page(
      'Ukraine presses on',
      '<article><header><h1>Ukraine presses on</h1></header></article>',
    ),
  },
  {
    n: 2,
    name: 'the title escaped',
    input: {...bare, title: '</title><script>alert("x")</script>'},
    output: page(
      '&lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;',
      '<article><header><h1>&lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h1></header></article>',
    ),
  },
  {
    n: 3,
    name: 'the article with its sections',
    input: {
      ...bare,
      standfirst: 'Kyiv wants talks.',
      sections: [
        {
          _key: 's',
          heading: 'The East',
          anchor: 'the-east',
          content: [
            {
              _type: 'block',
              _key: 'b',
              style: 'normal',
              markDefs: [],
              children: [{_type: 'span', _key: 'c', text: 'Fighting went on.', marks: []}],
            },
          ],
        },
      ],
    },
    output: page(
      'Ukraine presses on',
      '<article><header><h1>Ukraine presses on</h1><p class="standfirst">Kyiv wants talks.</p></header>' +
        '<section id="the-east"><h2>The East</h2><p>Fighting went on.</p></section></article>',
    ),
  },
]

describe('renderPage', () => {
  test('renderPage: a whole document: doctype, UTF-8, viewport, styles in the head, the article then the script in the body', () => {
    const html = renderPage(bare)
    expect(html).toMatch(
      /^<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>Ukraine presses on<\/title>\n<style>[^<]+<\/style>\n<\/head>\n<body>\n<article>.*<\/article>\n<script>[^<]+<\/script>\n<\/body>\n<\/html>\n$/s,
    )
    expect(html).toContain('form.newsletter-signup')
  })

  test.each(cases)('renderPage: $n $name', ({input, output}) => {
    expect(renderPage(input)).toBe(output)
  })

  test('renderPage: warnings about the article go to the callback', () => {
    const warnings: string[] = []
    const article = {
      ...bare,
      sections: [{_key: 's', heading: null, anchor: null, content: [{_type: 'chart', _key: 'c'}]}],
    }
    // @ts-expect-error a block type the schema does not have
    const html = renderPage(article, (message) => warnings.push(message))
    expect(html).toBe(
      page(
        'Ukraine presses on',
        '<article><header><h1>Ukraine presses on</h1></header><section></section></article>',
      ),
    )
    expect(warnings).toEqual([
      'renderArticle(): Unknown block type "chart", specify a component for it in the `components.types` option',
    ])
  })
})
