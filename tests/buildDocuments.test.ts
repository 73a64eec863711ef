import {createHash} from 'node:crypto'

import {expect, test} from 'vitest'

import {buildDocuments, type BuildInput, withSlug} from '../importer/documents/buildDocuments'
import {keysInOrder} from '../importer/documents/canonicalJson'
import {contentHash} from '../importer/documents/contentHash'
import type {ArticleInput, ImportedDocuments} from '../importer/documents/types'
import type {TextBlock} from '../importer/parse/TextBlock'
import type {FrontMatter} from '../importer/read/readFrontMatter'
import type {SectionPosition, StructuredArticle} from '../importer/structure/structureArticle'

/** A key as the README defines it: the first 12 hex digits of the SHA-256 of what it keys. */
const key = (seed: string) => createHash('sha256').update(seed).digest('hex').slice(0, 12)

/** A parsed paragraph of one plain span. */
const paragraph = (text: string): TextBlock => ({
  style: 'normal',
  spans: [{text, marks: []}],
  links: [],
})

/** The Portable Text block a one-span paragraph becomes, first of its text in its section. */
const textBlock = (text: string) => ({
  _key: key(text),
  _type: 'block',
  children: [{_key: key(text), _type: 'span', marks: [], text}],
  markDefs: [],
  style: 'normal',
})

const build = (structured: StructuredArticle, frontMatter: FrontMatter = {}): BuildInput => ({
  fileName: 'floods.txt',
  sourceSha256: 'c0ffee',
  sourceText: 'The wire copy as it arrived.\n',
  frontMatter,
  structured,
  importedAt: '2024-08-17T09:30:00.000Z',
  importerVersion: '1.2.3',
})

const title = {text: 'Floods close the ring road', derived: false}
const lead = paragraph('Water rose overnight.')
const closed = paragraph('Roads closed.')

/** An article with everything structuring can find: a credit, a signup, another promo. */
const full: StructuredArticle = {
  title,
  byline: {
    authors: ['Anna Smith', 'Chloé Martin'],
    agencies: ['AFP'],
    lines: [{text: 'By Anna Smith and Chloé Martin, with AFP', atStart: true}],
  },
  signup: {
    copy: {heading: 'The Morning Brief', ctaLabel: 'Sign up'},
    lines: ['The Morning Brief', 'Sign up'],
  },
  promoLines: ['Follow us on Mastodon'],
  sections: [{blocks: [lead]}, {heading: 'What closed', blocks: [closed]}],
}

const annaSmith = {
  _id: 'person-anna-smith',
  _type: 'person',
  name: 'Anna Smith',
  slug: {_type: 'slug', current: 'anna-smith'},
}
const chloeMartin = {
  _id: 'person-chloe-martin',
  _type: 'person',
  name: 'Chloé Martin',
  slug: {_type: 'slug', current: 'chloe-martin'},
}
const morningBrief = {
  _id: 'newsletter-the-morning-brief',
  _type: 'newsletter',
  title: 'The Morning Brief',
  slug: {_type: 'slug', current: 'the-morning-brief'},
  heading: 'The Morning Brief',
  ctaLabel: 'Sign up',
}
const signupBlock = {
  _key: key('newsletterBlock:newsletter-the-morning-brief'),
  _type: 'newsletterBlock',
  newsletter: {_ref: 'newsletter-the-morning-brief', _type: 'reference'},
}
/** The article built from `full`, but for its provenance. */
const fullContent = {
  _id: 'article-floods',
  _type: 'article',
  title: 'Floods close the ring road',
  slug: {_type: 'slug', current: 'floods-close-the-ring-road'},
  byline: {
    _type: 'byline',
    agencies: ['AFP'],
    authors: [
      {_key: key('person-anna-smith'), _ref: 'person-anna-smith', _type: 'reference'},
      {_key: key('person-chloe-martin'), _ref: 'person-chloe-martin', _type: 'reference'},
    ],
  },
  sections: [
    {_key: key('lead'), _type: 'section', content: [textBlock('Water rose overnight.')]},
    {
      _key: key('What closed'),
      _type: 'section',
      anchor: {_type: 'slug', current: 'what-closed'},
      content: [textBlock('Roads closed.'), signupBlock],
      heading: 'What closed',
    },
  ],
}

test('buildDocuments: builds the article, the people it credits and its newsletter', () => {
  expect(buildDocuments(build(full))).toStrictEqual({
    article: {
      ...fullContent,
      source: {
        fileName: 'floods.txt',
        creditLines: ['By Anna Smith and Chloé Martin, with AFP'],
        promoLines: ['Follow us on Mastodon'],
        sourceSha256: 'c0ffee',
        text: 'The wire copy as it arrived.\n',
        importedAt: '2024-08-17T09:30:00.000Z',
        contentHash: contentHash(fullContent),
        importerVersion: '1.2.3',
      },
    },
    persons: [annaSmith, chloeMartin],
    newsletter: morningBrief,
  })
})

test('buildDocuments: writes the byline and sections with their keys in sorted order', () => {
  const {article} = buildDocuments(build(full))
  expect(
    keysInOrder({byline: article.byline, sections: article.sections, slug: article.slug}),
  ).toBe(true)
})

test('buildDocuments: front matter names the people and the article over what was detected', () => {
  const {article, persons} = buildDocuments(
    build(full, {id: 'floods-2024', title: 'Ring road shut', authors: ['Ben Jones']}),
  )
  expect(persons).toStrictEqual([
    {
      _id: 'person-ben-jones',
      _type: 'person',
      name: 'Ben Jones',
      slug: {_type: 'slug', current: 'ben-jones'},
    },
  ])
  expect([article._id, article.title, article.slug, article.byline.authors]).toStrictEqual([
    'article-floods-2024',
    'Ring road shut',
    {_type: 'slug', current: 'ring-road-shut'},
    [{_key: key('person-ben-jones'), _ref: 'person-ben-jones', _type: 'reference'}],
  ])
})

test.each<{n: number; name: string; input: Partial<StructuredArticle>; output: object}>([
  {n: 1, name: 'no credit and no promo: neither list', input: {}, output: {}},
  {
    n: 2,
    name: 'a credit read from no line (a dateline): no credit lines',
    input: {byline: {authors: [], agencies: ['AFP'], lines: []}},
    output: {},
  },
  {n: 3, name: 'an empty list of promos: left out', input: {promoLines: []}, output: {}},
  {
    n: 4,
    name: 'credit lines and promos: both, as they were printed',
    input: {
      byline: {
        authors: ['Anna Smith'],
        agencies: [],
        lines: [
          {text: 'Anna Smith', atStart: true},
          {text: 'anna@example.com', atStart: true},
        ],
      },
      promoLines: ['Follow us', 'Subscribe to the print edition'],
    },
    output: {
      creditLines: ['Anna Smith', 'anna@example.com'],
      promoLines: ['Follow us', 'Subscribe to the print edition'],
    },
  },
])('buildDocuments: source $n $name', ({input, output}) => {
  const {article} = buildDocuments(build({title, sections: [{blocks: [lead]}], ...input}))
  expect(article.source).toStrictEqual({
    fileName: 'floods.txt',
    ...output,
    sourceSha256: 'c0ffee',
    text: 'The wire copy as it arrived.\n',
    importedAt: '2024-08-17T09:30:00.000Z',
    contentHash: contentHash(article),
    importerVersion: '1.2.3',
  })
})

/** Each section's content in order: a text block as its text, the signup block as `signup`. */
function outline(article: ArticleInput): string[][] {
  return article.sections.map((section) =>
    section.content.map((item) =>
      item._type === 'newsletterBlock'
        ? 'signup'
        : (item.children ?? []).map((span) => span.text).join(''),
    ),
  )
}

const a = paragraph('A.')
const b = paragraph('B.')
const c = paragraph('C.')
const d = paragraph('D.')

test.each<{
  n: number
  name: string
  sections: StructuredArticle['sections']
  at?: SectionPosition
  output: string[][]
}>([
  {
    n: 1,
    name: 'inside the first section, after its first block: there',
    sections: [{blocks: [a, b]}, {heading: 'Heading', blocks: [c, d]}],
    at: {section: 0, index: 1},
    output: [
      ['A.', 'signup', 'B.'],
      ['C.', 'D.'],
    ],
  },
  {
    n: 2,
    name: 'inside a later section, after a middle block: there',
    sections: [{blocks: [a]}, {heading: 'Heading', blocks: [b, c, d]}],
    at: {section: 1, index: 2},
    output: [['A.'], ['B.', 'C.', 'signup', 'D.']],
  },
  {
    n: 3,
    name: 'after the last block of the first section: at its end',
    sections: [{blocks: [a, b]}, {heading: 'Heading', blocks: [c]}],
    at: {section: 0, index: 2},
    output: [['A.', 'B.', 'signup'], ['C.']],
  },
  {
    n: 4,
    name: 'closing the article: at the end of the last section',
    sections: [{blocks: [a, b]}, {heading: 'Heading', blocks: [c, d]}],
    output: [
      ['A.', 'B.'],
      ['C.', 'D.', 'signup'],
    ],
  },
  {
    n: 5,
    name: 'at the top of a later section: before its first block',
    sections: [{blocks: [a, b]}, {heading: 'Heading', blocks: [c, d]}],
    at: {section: 1, index: 0},
    output: [
      ['A.', 'B.'],
      ['signup', 'C.', 'D.'],
    ],
  },
])('buildDocuments: a signup $n $name', ({sections, at, output}) => {
  const signup = {copy: {heading: 'The Morning Brief'}, lines: ['The Morning Brief']}
  const structured = {title, signup: {...signup, ...(at ? {at} : {})}, sections}
  const {article} = buildDocuments(build(structured))
  expect(outline(article)).toStrictEqual(output)
  expect(article.sections.flatMap((section) => section.content)).toContainEqual(signupBlock)
})

test('buildDocuments: no signup, no newsletter and no signup block', () => {
  const documents = buildDocuments(build({title, sections: [{blocks: [a, b]}]}))
  expect('newsletter' in documents).toBe(false)
  expect(outline(documents.article)).toStrictEqual([['A.', 'B.']])
})

test('withSlug: gives the article the slug and recomputes its content hash, the input unchanged', () => {
  const documents = buildDocuments(build(full))
  const before = structuredClone(documents)
  const renamed = withSlug(documents, 'floods-close-the-ring-road-2')
  const article = {...fullContent, slug: {_type: 'slug', current: 'floods-close-the-ring-road-2'}}
  expect(renamed).toStrictEqual({
    ...before,
    article: {...article, source: {...before.article.source, contentHash: contentHash(article)}},
  })
  expect(contentHash(article)).not.toBe(before.article.source?.contentHash)
  expect(documents).toStrictEqual(before)
  expect(renamed.persons).toBe(documents.persons)
})

test('withSlug: an article without provenance gets none', () => {
  const {source: _source, ...article} = buildDocuments(build(full)).article
  const documents: ImportedDocuments = {article, persons: []}
  expect(withSlug(documents, 'other')).toStrictEqual({
    article: {...article, slug: {_type: 'slug', current: 'other'}},
    persons: [],
  })
})
