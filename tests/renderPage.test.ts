import {describe, expect, test} from 'vitest'

import {type RenderableArticle, renderPage} from '../render'

const STYLE = `body{font:18px/1.6 Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:2.2rem;line-height:1.2}h2{margin-top:2rem}.standfirst{font-size:1.2rem}
.byline,time{font:14px/1.4 system-ui,sans-serif;color:#555;display:block}
.newsletter-signup{border:1px solid #ccc;border-radius:8px;padding:1rem 1.5rem;margin:2rem 0;font-family:system-ui,sans-serif}
.newsletter-signup h2{margin-top:0}.newsletter-signup input{padding:.4rem;margin:0 .5rem}`

const SCRIPT = `for (const form of document.querySelectorAll('form.newsletter-signup')) {
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const show = (state) => form.querySelectorAll('[data-state]').forEach((p) => (p.hidden = p.dataset.state !== state))
    show('pending')
    setTimeout(() => show('success'), 600)
  })
}`

/** The page around an article's title and HTML. */
const page = (title: string, article: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
${article}
<script>${SCRIPT}</script>
</body>
</html>
`

const bare: RenderableArticle = {
  _id: 'a',
  title: 'Ukraine presses on',
  slug: 'ukraine-presses-on',
  standfirst: null,
  publishedAt: null,
  byline: {authors: [], agencies: []},
  sections: [],
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
