import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'

import fc from 'fast-check'
import {expect, test} from 'vitest'

import {generateCorpus} from '../corpus/generateCorpus'
import {convertSource} from '../importer'
import {withSlug} from '../importer/documents/buildDocuments'
import {contentHash} from '../importer/documents/contentHash'
import type {ArticleInput} from '../importer/documents/types'
import {ContentKeys, shortHash} from '../importer/shared/contentKey'

const seed = readFileSync(new URL('../seeds/kursk-advance.txt', import.meta.url), 'utf8')
const corpus = [...generateCorpus(300)]
const markdown = [
  '# Floods close the ring road',
  'Water rose **overnight** in [the valley](https://example.com/valley), officials said.',
  '## What closed',
  '- The ring road\n- Two *bridges*',
  '1. First\n2. Second',
  '> “We have never seen this,” a resident said.',
  '#### Later',
  'By Anna Smith, with AFP',
].join('\n\n')
// A repeated address and a repeated paragraph: their keys take `#2`.
const linked = [
  'Officials said the road reopens, see https://example.com/a and https://example.com/a again.',
  'The river rose overnight.',
  'The river rose overnight.',
  'By Anna Smith and Ben Jones, with AFP',
].join('\n\n')
const sources = [
  {fileName: 'kursk-advance.txt', text: seed},
  {fileName: 'floods.md', text: markdown},
  {fileName: 'linked.txt', text: linked},
  ...corpus,
]
const articles = sources.map(
  ({fileName, text}) =>
    convertSource(new TextEncoder().encode(text), {
      fileName,
      importedAt: 'now',
      importerVersion: 't',
    }).documents.article,
)

/** The article fields the README and contentHash's TSDoc name as an editor's content. */
const EDITABLE = ['title', 'slug', 'standfirst', 'publishedAt', 'byline', 'sections']

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/**
 * The value with every object's keys sorted at every depth: the canonical form contentHash's
 * TSDoc describes, built here apart from canonicalJson so that each checks the other.
 */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys(Reflect.get(value, key))]),
  )
}

/** `sha256:` and the SHA-256 of the editable fields' canonical JSON, computed independently. */
function expectedContentHash(article: object): string {
  const content = Object.fromEntries(EDITABLE.map((field) => [field, Reflect.get(article, field)]))
  return `sha256:${sha256(JSON.stringify(sortedKeys(content)))}`
}

/**
 * The keys an array's items get from their seeds, as ContentKeys documents them: the first 12
 * hex digits of the SHA-256 of the seed, with `#2`, `#3`… appended to a repeated seed.
 */
function expectedKeys(seeds: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return seeds.map((seed) => {
    const count = (seen.get(seed) ?? 0) + 1
    seen.set(seed, count)
    return sha256(count === 1 ? seed : `${seed}#${count}`).slice(0, 12)
  })
}

/** Every keyed array of an article: its keys as built, and the keys its content should give. */
function keyedArrays(article: ArticleInput): {built: string[]; expected: string[]}[] {
  const arrays = [
    {
      built: article.sections.map((section) => section._key),
      // A section is keyed by its heading; the lead, which has none, by `lead`.
      expected: expectedKeys(article.sections.map((section) => section.heading ?? 'lead')),
    },
    {
      built: (article.byline.authors ?? []).map((author) => author._key),
      expected: expectedKeys((article.byline.authors ?? []).map((author) => author._ref)),
    },
  ]
  for (const section of article.sections) {
    const blocks = section.content.flatMap((item) => (item._type === 'block' ? [item] : []))
    const children = (block: (typeof blocks)[number]) => block.children ?? []
    arrays.push({
      built: blocks.map((block) => block._key),
      expected: expectedKeys(
        blocks.map((block) =>
          children(block)
            .map((span) => span.text ?? '')
            .join(''),
        ),
      ),
    })
    for (const block of blocks) {
      arrays.push({
        built: children(block).map((span) => span._key),
        expected: expectedKeys(children(block).map((span) => span.text ?? '')),
      })
      arrays.push({
        built: (block.markDefs ?? []).map((link) => link._key),
        expected: expectedKeys((block.markDefs ?? []).map((link) => link.href ?? '')),
      })
    }
    // A signup block is keyed by the newsletter it points to, apart from the text blocks.
    for (const item of section.content) {
      if (item._type !== 'newsletterBlock') continue
      arrays.push({
        built: [item._key],
        expected: expectedKeys([`newsletterBlock:${item.newsletter._ref}`]),
      })
    }
  }
  return arrays
}

/** The value with every object's keys in reverse order, as a store may hand them back. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, item]) => [key, reversedKeys(item)]),
  )
}

test('contentHash: an imported article records the hash its stored copy gives, keys in any order', () => {
  for (const article of articles) {
    const stored = reversedKeys(article)
    if (typeof stored !== 'object' || stored === null) throw new Error('not an object')
    expect(contentHash({...stored})).toBe(article.source?.contentHash)
  }
})

test('contentHash: an edit to any editable field changes it', () => {
  const [article] = articles
  if (!article) throw new Error('no article')
  const original = contentHash(article)
  expect(contentHash({...article, title: `${article.title}!`})).not.toBe(original)
  expect(contentHash({...article, sections: article.sections.slice(1)})).not.toBe(original)
  expect(contentHash({...article, byline: {...article.byline, agencies: ['AP']}})).not.toBe(
    original,
  )
  expect(contentHash({...article, _rev: 'other', source: undefined})).toBe(original)
})

test('contentHash: an article built with keys out of order records the hash of the same article in order', () => {
  const documents = convertSource(new TextEncoder().encode(markdown), {
    fileName: 'floods.md',
    importedAt: 'now',
    importerVersion: 't',
  }).documents
  const {article} = documents
  const [section] = article.sections
  if (!section) throw new Error('no section')
  // A field added to a literal out of place: its keys no longer come in sorted order.
  const outOfOrder = {
    ...article,
    byline: {authors: article.byline.authors, _type: article.byline._type, agencies: ['AFP']},
    sections: [{content: section.content, _type: section._type, _key: section._key}],
  }
  const inOrder = {
    ...article,
    byline: {_type: article.byline._type, agencies: ['AFP'], authors: article.byline.authors},
    sections: [{_key: section._key, _type: section._type, content: section.content}],
  }
  expect(JSON.stringify(outOfOrder)).not.toBe(JSON.stringify(inOrder))
  expect(contentHash(outOfOrder)).toBe(contentHash(inOrder))
  const recorded = (built: typeof article) =>
    withSlug({...documents, article: built}, 'floods-2').article.source?.contentHash
  expect(recorded(outOfOrder)).toBe(recorded(inOrder))
  expect(recorded(inOrder)).toBe(
    contentHash({...inOrder, slug: {_type: 'slug', current: 'floods-2'}}),
  )
})

test('contentHash: is sha256: and the SHA-256 of the editable fields as key-sorted JSON', () => {
  for (const article of articles) {
    const {source, ...rest} = article
    expect(contentHash(article)).toBe(expectedContentHash(rest))
    expect(source?.contentHash).toBe(expectedContentHash(rest))
  }
})

const knownHashes = [
  {
    n: 1,
    input: {title: 'T'},
    output: '6d05dcd7395808f66309c9411db93fdc57fb861efc95938239e2459de048f547',
  },
  {
    n: 2,
    input: {title: 'Київ “fair”', _id: 'article-x', source: {fileName: 'x.txt'}},
    output: 'a2407f4526626e391af5daba273556250cbb6a91217e083c89352a5d1a88203f',
  },
  {
    n: 3,
    input: {
      _id: 'article-floods',
      _type: 'article',
      _rev: 'r1',
      title: 'Floods',
      sections: [],
      slug: {current: 'floods', _type: 'slug'},
      byline: {authors: [], agencies: ['AFP'], _type: 'byline'},
      standfirst: undefined,
      importNotes: ['headline derived from the lead'],
    },
    output: '7c683b1f3599e59eaef174f6fa17cac12ae74233d7da41b0a651956e2268bb47',
  },
  {
    n: 4,
    input: {
      title: 'Floods',
      standfirst: 'Water rose overnight.',
      publishedAt: '2024-08-17T09:30:00Z',
      _createdAt: '2024-08-17T00:00:00Z',
    },
    output: '4642b865dfc2cf523f19e49fcf6a6d9cf924392fc45c8db13fcefe7a30dc51a1',
  },
]

// Computed once with `printf '%s' '<canonical JSON>' | sha256sum`, e.g. '{"title":"T"}'.
test.each(knownHashes)('contentHash: $n gives the known digest', ({input, output}) => {
  expect(contentHash(input)).toBe(`sha256:${output}`)
  expect(expectedContentHash(input)).toBe(`sha256:${output}`)
})

test('shortHash: is the first 12 hex digits of the SHA-256 of its input', () => {
  // printf '%s' lead | sha256sum
  expect(shortHash('lead')).toBe('e3456bc1f4d2')
  // printf '%s' person-anna-smith | sha256sum
  expect(shortHash('person-anna-smith')).toBe('7b0afbbf1e8a')
  for (const text of ['', 'Київ', '北京 市民', 'https://example.com/a?b=1', seed]) {
    expect(shortHash(text)).toBe(sha256(text).slice(0, 12))
  }
})

test('shortHash: a value asked for again, at once or after others, gets its own digest', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('', 'a', 'b', 'Київ', 'a '), {maxLength: 12}), (texts) => {
      for (const text of texts) expect(shortHash(text)).toBe(sha256(text).slice(0, 12))
    }),
  )
})

test('ContentKeys: a repeated seed gets #2, #3… mixed in, and other seeds do not count', () => {
  const keys = new ContentKeys()
  // printf '%s' 'lead#2' | sha256sum
  expect([keys.next('lead'), keys.next('x'), keys.next('lead'), keys.next('lead')]).toEqual([
    'e3456bc1f4d2',
    sha256('x').slice(0, 12),
    'ea0a07a709a6',
    sha256('lead#3').slice(0, 12),
  ])
  expect(new ContentKeys().next('lead')).toBe('e3456bc1f4d2')
})

test('convertSource: every _key is the short SHA-256 of what its item holds', () => {
  let checked = 0
  for (const article of articles) {
    for (const {built, expected} of keyedArrays(article)) {
      expect(built).toEqual(expected)
      checked += built.length
    }
  }
  // Sections, blocks, spans, links, authors and signup blocks of 303 articles.
  expect(checked).toBeGreaterThan(3000)
})

test('convertSource: a repeated address or paragraph gets the known key with #2 mixed in', () => {
  const article = articles[2]
  const [lead] = article?.sections ?? []
  const blocks = lead?.content.flatMap((item) => (item._type === 'block' ? [item] : [])) ?? []
  // printf '%s' 'https://example.com/a' | sha256sum, and with '#2' appended
  expect(blocks[0]?.markDefs?.map((link) => link._key)).toEqual(['2dce0a4c5044', '268ac02512cf'])
  // printf '%s' 'The river rose overnight.' | sha256sum, and with '#2' appended
  expect(blocks.slice(1).map((block) => block._key)).toEqual(['bd8d33cd7d60', '9f0cada99aa7'])
})
