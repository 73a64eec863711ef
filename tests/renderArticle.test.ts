import {readFileSync} from 'node:fs'

import {JSDOM} from 'jsdom'
import {describe, expect, test} from 'vitest'

import {convertSource} from '../importer'
import {
  readingMinutes,
  type RenderableArticle,
  type RenderableSection,
  type RenderableSignup,
  renderArticle,
  renderSignup,
} from '../render'
import {dailySignup} from './fixtures/frontEndQueries'

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

/** An article with nothing but its title, for a case to add to. */
const bare: RenderableArticle = {
  _id: 'a',
  title: 'T',
  slug: 't',
  standfirst: null,
  publishedAt: null,
  byline: {authors: [], agencies: []},
  sections: [],
}

type Content = RenderableSection['content']

/** A paragraph of one span with the given marks. */
function paragraph(text: string, marks: string[] = [], markDefs: unknown[] = []): Content[number] {
  return {
    _type: 'block',
    _key: `p-${text}`,
    style: 'normal',
    // @ts-expect-error link definitions as stored, some not as the schema has them
    markDefs,
    children: [{_type: 'span', _key: 's', text, marks}],
  }
}

/** A headless, anchorless section holding `content`. */
function section(...content: Content): RenderableSection {
  return {_key: 's', heading: null, anchor: null, content}
}

const signup: RenderableSignup = {...dailySignup, _key: 'k1', successMessage: null}

/** Content the schema does not describe, as old or foreign documents may hold. */
const foreign = {
  /** A signup block as stored: its newsletter a reference, its copy not resolved. */
  storedSignup: {
    _type: 'newsletterBlock',
    _key: 'n1',
    newsletter: {_type: 'reference', _ref: 'newsletter-daily'},
  },
  /** A signup block whose newsletter is missing. */
  signupWithoutNewsletter: {_type: 'newsletterBlock', _key: 'n2', heading: 'Subscribe'},
  /** A signup block whose newsletter was deleted: `articleBySlug` resolves it to null. */
  signupOfDeletedNewsletter: {...signup, _key: 'n3', newsletter: null, heading: null},
  youtube: {_type: 'youtubeEmbed', _key: 'y1', url: 'https://example.com/v'},
  map: {_type: 'mapEmbed', _key: 'm1'},
}

const UNKNOWN_TYPE = (type: string) =>
  `renderArticle(): Unknown block type "${type}", specify a component for it in the \`components.types\` option`

/** Articles, the HTML each renders and the warnings it gives. */
const articles: {
  n: number
  name: string
  input: RenderableArticle
  output: string
  warnings?: string[]
}[] = [
  {
    n: 1,
    name: 'a title alone',
    input: bare,
    output: '<article><header><h1>T</h1></header></article>',
  },
  {
    n: 2,
    name: 'the standfirst after the title',
    input: {...bare, standfirst: 'Kyiv wants talks.'},
    output:
      '<article><header><h1>T</h1><p class="standfirst">Kyiv wants talks.</p></header></article>',
  },
  {
    n: 3,
    name: 'the byline',
    input: {
      ...bare,
      byline: {
        authors: [
          {name: 'Anna Smith', slug: 'anna', role: null},
          {name: 'Ben Jones', slug: 'ben', role: 'Editor'},
        ],
        agencies: ['AFP'],
      },
    },
    output:
      '<article><header><h1>T</h1><p class="byline">By Anna Smith and Ben Jones, with AFP</p></header></article>',
  },
  {
    n: 4,
    name: 'an agency alone',
    input: {...bare, byline: {authors: [], agencies: ['Reuters']}},
    output: '<article><header><h1>T</h1><p class="byline">By Reuters</p></header></article>',
  },
  {
    n: 5,
    name: 'the date, its day shown',
    input: {...bare, publishedAt: '2024-08-16T18:00:00Z'},
    output:
      '<article><header><h1>T</h1><time datetime="2024-08-16T18:00:00Z">2024-08-16</time></header></article>',
  },
  {
    n: 6,
    name: 'the whole header, in order',
    input: {
      ...bare,
      title: 'Ukraine presses on',
      standfirst: 'Kyiv wants talks.',
      publishedAt: '2024-08-16T18:00:00.000Z',
      byline: {authors: [{name: 'Florent Vergnes', slug: 'fv', role: null}], agencies: ['AFP']},
    },
    output:
      '<article><header><h1>Ukraine presses on</h1><p class="standfirst">Kyiv wants talks.</p>' +
      '<p class="byline">By Florent Vergnes, with AFP</p>' +
      '<time datetime="2024-08-16T18:00:00.000Z">2024-08-16</time></header></article>',
  },
  {
    n: 7,
    name: 'the header escaped',
    input: {
      ...bare,
      title: '<i>"War" & peace</i>',
      standfirst: "It's <b>over</b>",
      publishedAt: '2024-08-16"><x>',
      byline: {authors: [{name: 'A <B>', slug: 'ab', role: null}], agencies: ['R&D']},
    },
    output:
      '<article><header><h1>&lt;i&gt;&quot;War&quot; &amp; peace&lt;/i&gt;</h1>' +
      '<p class="standfirst">It&#x27;s &lt;b&gt;over&lt;/b&gt;</p>' +
      '<p class="byline">By A &lt;B&gt;, with R&amp;D</p>' +
      '<time datetime="2024-08-16&quot;&gt;&lt;x&gt;">2024-08-16</time></header></article>',
  },
  {
    n: 8,
    name: 'a headless section',
    input: {...bare, sections: [section(paragraph('Lead.'))]},
    output: '<article><header><h1>T</h1></header><section><p>Lead.</p></section></article>',
  },
  {
    n: 9,
    name: 'sections in order, each headed one with its anchor and h2',
    input: {
      ...bare,
      sections: [
        section(paragraph('Lead.')),
        {_key: 'e', heading: 'The East', anchor: 'the-east', content: [paragraph('More.')]},
        {_key: 'f', heading: null, anchor: 'after', content: []},
        {_key: 'g', heading: 'Aside', anchor: null, content: [paragraph('Last.')]},
      ],
    },
    output:
      '<article><header><h1>T</h1></header><section><p>Lead.</p></section>' +
      '<section id="the-east"><h2>The East</h2><p>More.</p></section>' +
      '<section id="after"></section><section><h2>Aside</h2><p>Last.</p></section></article>',
  },
  {
    n: 10,
    name: 'a heading and an anchor escaped',
    input: {
      ...bare,
      sections: [{_key: 'h', heading: '<Kursk> & "Sumy"', anchor: '" onclick="x', content: []}],
    },
    output:
      '<article><header><h1>T</h1></header>' +
      '<section id="&quot; onclick=&quot;x"><h2>&lt;Kursk&gt; &amp; &quot;Sumy&quot;</h2></section></article>',
  },
  {
    n: 11,
    name: 'a signup block becomes its form',
    input: {...bare, sections: [section(paragraph('Body.'), signup)]},
    output: `<article><header><h1>T</h1></header><section><p>Body.</p>${renderSignup(signup)}</section></article>`,
  },
  {
    n: 12,
    name: 'a signup block with its copy unresolved renders nothing',
    // @ts-expect-error a block the schema does not describe
    input: {...bare, sections: [section(paragraph('Body.'), foreign.storedSignup)]},
    output: '<article><header><h1>T</h1></header><section><p>Body.</p></section></article>',
  },
  {
    n: 13,
    name: 'a signup block without a newsletter renders nothing',
    // @ts-expect-error a block the schema does not describe
    input: {...bare, sections: [section(paragraph('Body.'), foreign.signupWithoutNewsletter)]},
    output: '<article><header><h1>T</h1></header><section><p>Body.</p></section></article>',
  },
  {
    n: 14,
    name: 'unknown block types render nothing and warn once each',
    input: {
      ...bare,
      sections: [
        // @ts-expect-error block types the schema does not have
        section(foreign.youtube, paragraph('Body.'), foreign.map, foreign.youtube),
        // @ts-expect-error block types the schema does not have
        section(foreign.map),
      ],
    },
    output:
      '<article><header><h1>T</h1></header><section><p>Body.</p></section><section></section></article>',
    warnings: [UNKNOWN_TYPE('youtubeEmbed'), UNKNOWN_TYPE('mapEmbed')],
  },
  {
    n: 15,
    name: 'a link mark without its definition is plain text',
    input: {...bare, sections: [section(paragraph('here', ['link']))]},
    output: '<article><header><h1>T</h1></header><section><p>here</p></section></article>',
  },
  {
    n: 16,
    name: 'a link whose address is not a string is plain text',
    input: {
      ...bare,
      sections: [
        section(
          paragraph('here', ['l'], [{_type: 'link', _key: 'l', href: ['https://example.com/']}]),
        ),
      ],
    },
    output: '<article><header><h1>T</h1></header><section><p>here</p></section></article>',
  },
  {
    n: 17,
    name: 'a link without an address is plain text',
    input: {
      ...bare,
      sections: [section(paragraph('here', ['l'], [{_type: 'link', _key: 'l'}]))],
    },
    output: '<article><header><h1>T</h1></header><section><p>here</p></section></article>',
  },
  {
    n: 18,
    name: 'a signup block whose newsletter was deleted renders nothing',
    // @ts-expect-error the query's type says the newsletter resolves; a dangling one does not
    input: {...bare, sections: [section(paragraph('Body.'), foreign.signupOfDeletedNewsletter)]},
    output: '<article><header><h1>T</h1></header><section><p>Body.</p></section></article>',
  },
]

describe('renderArticle output', () => {
  test.each(articles)('renderArticle: $n $name', ({input, output, warnings = []}) => {
    const warned: string[] = []
    expect(renderArticle(input, (message) => warned.push(message))).toBe(output)
    expect(warned).toEqual(warnings)
  })
})

describe('readingMinutes', () => {
  test('readingMinutes: 200 words a minute, at least one', () => {
    expect(readingMinutes('word '.repeat(999).trim())).toBe(5)
    expect(readingMinutes('one')).toBe(1)
  })
})
