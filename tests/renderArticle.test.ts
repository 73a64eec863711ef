import {readFileSync} from 'node:fs'

import {JSDOM} from 'jsdom'
import {describe, expect, test} from 'vitest'

import {convertSource} from '../importer'
import {excerpt, readingMinutes, type RenderableArticle, renderArticle} from '../render'

/** The seed as `articleBySlug` returns it: byline and newsletter resolved. */
function seedArticle(): RenderableArticle {
  const {article, newsletter} = convertSource(
    readFileSync(new URL('../seeds/kursk-advance.txt', import.meta.url)),
    {
      fileName: 'kursk-advance.txt',
      importedAt: '2024-08-17T00:00:00.000Z',
      importerVersion: 'test',
    },
  ).documents
  return {
    _id: article._id,
    title: article.title,
    slug: article.slug.current,
    standfirst: null,
    publishedAt: '2024-08-16T18:00:00Z',
    byline: {
      authors: [{name: 'Florent Vergnes', slug: 'florent-vergnes', role: null}],
      agencies: ['AFP'],
    },
    sections: article.sections.map((section) => ({
      _key: section._key,
      heading: section.heading ?? null,
      anchor: section.anchor?.current ?? null,
      content: section.content.map((block) =>
        block._type === 'newsletterBlock'
          ? {
              _key: block._key,
              _type: 'newsletterBlock',
              newsletter: {
                _id: newsletter?._id ?? '',
                title: newsletter?.title ?? '',
                slug: 'daily',
              },
              heading: newsletter?.heading ?? '',
              ctaLabel: newsletter?.ctaLabel ?? '',
              pendingMessage: newsletter?.pendingMessage ?? null,
              successMessage: newsletter?.successMessage ?? null,
            }
          : block,
      ),
    })),
  }
}

const parse = (html: string) => new JSDOM(html).window.document

describe('renderArticle', () => {
  test('renderArticle: the seed as an article with a section and an h2 per subheading', () => {
    const document = parse(renderArticle(seedArticle()))
    const sections = [...document.querySelectorAll('article > section')]
    expect(sections.map((section) => section.id)).toEqual([
      '',
      'refugee-flows',
      'russian-pressure-in-the-east',
    ])
    expect([...document.querySelectorAll('section h2')].map((h) => h.textContent)).toEqual([
      'Refugee Flows',
      'Russian Pressure in the East',
      'Subscribe to our newsletter',
    ])
    expect(document.querySelectorAll('section > p')).toHaveLength(16)
    expect(document.querySelector('header .byline')?.textContent).toBe(
      'By Florent Vergnes, with AFP',
    )
    expect(document.querySelector('header time')?.getAttribute('datetime')).toBe(
      '2024-08-16T18:00:00Z',
    )
  })

  test('renderArticle: the newsletter block is an accessible signup form with its messages', () => {
    const form = parse(renderArticle(seedArticle())).querySelector('form.newsletter-signup')
    expect(form?.getAttribute('aria-labelledby')).toBe(form?.querySelector('h2')?.id)
    const input = form?.querySelector('input[type="email"]')
    expect(form?.querySelector(`label[for="${input?.id}"]`)?.textContent).toBe('Email address')
    expect(form?.querySelector('button[type="submit"]')?.textContent).toBe('Newsletter signup')
    expect(form?.getAttribute('data-pending-message')).toBe('Please wait...')
    expect(form?.querySelector('[role="status"] [data-state="success"]')?.textContent).toBe(
      'Thank you for sign up!',
    )
  })

  test('renderArticle: hostile content comes out inert', () => {
    const hostile: RenderableArticle = {
      ...seedArticle(),
      title: '<img src=x onerror=alert(1)>',
      sections: [
        {
          _key: 's',
          heading: '<b onclick="alert(1)">Bold</b><script>alert(2)</script>',
          anchor: '" onmouseover="alert(3)',
          content: [
            {
              _type: 'block',
              _key: 'b',
              style: 'normal',
              markDefs: [
                {_type: 'link', _key: 'js', href: 'javascript:alert(4)'},
                {_type: 'link', _key: 'attr', href: 'https://example.com/" onmouseover="alert(5)'},
                {_type: 'link', _key: 'mail', href: 'mailto:desk@example.com'},
              ],
              children: [
                {_type: 'span', _key: 'a', text: '<script>alert(6)</script>', marks: []},
                {_type: 'span', _key: 'c', text: 'click', marks: ['js']},
                {_type: 'span', _key: 'd', text: 'here', marks: ['attr']},
                {_type: 'span', _key: 'e', text: 'write', marks: ['mail']},
              ],
            },
          ],
        },
      ],
    }
    const html = renderArticle(hostile)
    const document = parse(html)
    expect(document.querySelectorAll('script, img')).toHaveLength(0)
    const attributes = [...document.querySelectorAll('*')].flatMap((element) => [
      ...element.attributes,
    ])
    expect(attributes.filter((attribute) => attribute.name.startsWith('on'))).toEqual([])
    const hrefs = [...document.querySelectorAll('a')].map((a) => [
      a.getAttribute('href'),
      a.getAttribute('rel'),
    ])
    expect(hrefs).toEqual([
      ['https://example.com/" onmouseover="alert(5)', 'noopener'],
      ['mailto:desk@example.com', null],
    ])
    expect(document.querySelector('h1')?.textContent).toBe('<img src=x onerror=alert(1)>')
    expect(document.querySelector('h2')?.textContent).toBe(
      '<b onclick="alert(1)">Bold</b><script>alert(2)</script>',
    )
    expect(document.querySelector('section p')?.textContent).toBe(
      '<script>alert(6)</script>clickherewrite',
    )
  })

  test('renderArticle: an unknown block type renders nothing and warns once', () => {
    const warnings: string[] = []
    const article = seedArticle()
    const strange = {_type: 'youtubeEmbed', _key: 'y1', url: 'https://example.com'}
    const withUnknown = {
      ...article,
      sections: article.sections.map((section) => ({
        ...section,
        content: [...section.content, strange],
      })),
    }
    // @ts-expect-error a block type the schema does not have, as old or foreign content may hold
    const html = renderArticle(withUnknown, (message) => warnings.push(message))
    expect(html).not.toContain('youtube')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('youtubeEmbed')
  })
})

/** An article of one paragraph whose one word links to `href`. */
function linkedArticle(href: string): RenderableArticle {
  return {
    _id: 'a',
    title: 'T',
    slug: 't',
    standfirst: null,
    publishedAt: null,
    byline: {authors: [], agencies: []},
    sections: [
      {
        _key: 's',
        heading: null,
        anchor: null,
        content: [
          {
            _type: 'block',
            _key: 'b',
            style: 'normal',
            markDefs: [{_type: 'link', _key: 'l', href}],
            children: [{_type: 'span', _key: 'c', text: 'here', marks: ['l']}],
          },
        ],
      },
    ],
  }
}

/** Link addresses and the paragraph each renders: a link, or the text alone. */
const hrefs = [
  {
    n: 1,
    input: 'https://example.com/a',
    output: '<a href="https://example.com/a" rel="noopener">here</a>',
  },
  {
    n: 2,
    input: 'http://example.com/a',
    output: '<a href="http://example.com/a" rel="noopener">here</a>',
  },
  {n: 3, input: 'mailto:desk@example.com', output: '<a href="mailto:desk@example.com">here</a>'},
  {
    n: 4,
    input: 'HTTPS://EXAMPLE.COM/A',
    output: '<a href="HTTPS://EXAMPLE.COM/A" rel="noopener">here</a>',
  },
  {
    n: 5,
    input: 'https://example.com/?q=a&b="c"',
    output: '<a href="https://example.com/?q=a&amp;b=&quot;c&quot;" rel="noopener">here</a>',
  },
  {n: 6, input: 'tel:+441234567890', output: 'here'},
  {n: 7, input: 'ftp://example.com/file', output: 'here'},
  {n: 8, input: '/path', output: 'here'},
  {n: 9, input: '#anchor', output: 'here'},
  {n: 10, input: '//example.com/a', output: 'here'},
  {n: 11, input: 'https:example.com', output: 'here'},
  {n: 12, input: 'javascript:alert(1)', output: 'here'},
  {n: 13, input: ' javascript:alert(1)', output: 'here'},
  {n: 14, input: '\tjavascript:alert(1)', output: 'here'},
  {n: 15, input: '\njavascript:alert(1)', output: 'here'},
  {n: 16, input: 'JaVaScRiPt:alert(1)', output: 'here'},
  {n: 17, input: 'data:text/html,<script>alert(1)</script>', output: 'here'},
  {n: 18, input: 'foo?x=javascript:1', output: 'here'},
  {n: 19, input: 'vbscript:msgbox(1)', output: 'here'},
  {n: 20, input: '', output: 'here'},
]

describe('renderArticle links', () => {
  test.each(hrefs)('renderArticle: $n renders the link to $input as $output', ({input, output}) => {
    expect(renderArticle(linkedArticle(input))).toBe(
      `<article><header><h1>T</h1></header><section><p>${output}</p></section></article>`,
    )
  })
})

describe('text helpers', () => {
  test.each([
    ['short text stays whole', 'Kyiv claims gains.', 40, 'Kyiv claims gains.'],
    [
      'long text is cut at a word',
      'Kyiv claims to have captured the town of Sudzha.',
      30,
      'Kyiv claims to have captured…',
    ],
    [
      'trailing punctuation goes before the ellipsis',
      'Kyiv, Sumy, Kursk and Belgorod',
      12,
      'Kyiv, Sumy…',
    ],
    ['whitespace collapses', 'Kyiv\n\n  claims', 40, 'Kyiv claims'],
  ])('excerpt: %s', (_, text, max, expected) => {
    expect(excerpt(text, max)).toBe(expected)
    expect(excerpt(text, max).length).toBeLessThanOrEqual(max)
  })

  test('readingMinutes: 200 words a minute, at least one', () => {
    expect(readingMinutes('word '.repeat(999).trim())).toBe(5)
    expect(readingMinutes('one')).toBe(1)
  })
})
