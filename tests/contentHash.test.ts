import {readFileSync} from 'node:fs'

import {expect, test} from 'vitest'

import {corpusMaterial} from '../bench/corpus/corpusMaterial'
import {generateCorpus} from '../bench/corpus/generateCorpus'
import {convertSource} from '../importer'
import {contentHash} from '../importer/documents/contentHash'

const seed = readFileSync(new URL('../seeds/kursk-advance.txt', import.meta.url), 'utf8')
const corpus = [...generateCorpus(corpusMaterial([seed]), 300)]
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
