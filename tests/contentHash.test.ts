import {readFileSync} from 'node:fs'

import {expect, test} from 'vitest'

import {generateCorpus} from '../corpus/generateCorpus'
import {convertSource} from '../importer'
import {withSlug} from '../importer/documents/buildDocuments'
import {contentHash} from '../importer/documents/contentHash'

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
const sources = [
  {fileName: 'kursk-advance.txt', text: seed},
  {fileName: 'floods.md', text: markdown},
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
