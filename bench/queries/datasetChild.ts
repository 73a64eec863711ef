// A child of the query benchmark: writes the NDJSON dataset of an `n`-article corpus as the
// importer would store it, in its own process so the benchmark's own process never holds the
// articles. `node scripts/run.mjs bench/queries/datasetChild.ts --n 10000 --out FILE`. Prints one
// JSON line (a DatasetSummary) on stdout.
import {parseArgs} from 'node:util'

import type {SanityDocument} from '@sanity/client'

import {generateCorpus} from '../../corpus/generateCorpus'
import {isRecord} from '../../dataset/guards'
import {ndjsonLines} from '../../dataset/ndjson'
import {writeFileAtomic} from '../../dataset/writeFileAtomic'
import {convertSource} from '../../importer/convert/convertSource'
import {stampDocument} from '../../importer/write/stampDocument'
import type {DatasetSummary} from './parseDatasetSummary'

const TIMESTAMP = '2024-01-01T00:00:00Z'

const {values} = parseArgs({options: {n: {type: 'string'}, out: {type: 'string'}}})
const count = Number(values.n)
const out = values.out
if (!Number.isInteger(count) || count < 1 || !out) {
  throw new Error('datasetChild: give --n (a whole number) and --out (a file)')
}

const started = performance.now()
const encoder = new TextEncoder()
const middle = Math.floor(count / 2)
let middleSlug: string | undefined
let articles = 0
// People and newsletters recur across articles; the lake keeps one document per id.
const shared = new Map<string, SanityDocument>()

// Articles are streamed as they are converted, so only the shared documents stay in memory. Their
// ids (`article-wire-000001`…) are zero-padded and sort before `newsletter-…` and `person-…`, so
// the file comes out in id order, as the lake's own snapshot would be.
function* lines(): Generator<string> {
  for (const file of generateCorpus(count)) {
    const {documents} = convertSource(encoder.encode(file.text), {
      fileName: file.fileName,
      importedAt: TIMESTAMP,
      importerVersion: 'bench',
    })
    const {article, persons, newsletter} = documents
    if (articles === middle) middleSlug = article.slug.current
    articles++
    for (const other of newsletter ? [...persons, newsletter] : persons) {
      if (!shared.has(other._id)) shared.set(other._id, stampDocument(other, TIMESTAMP))
    }
    yield `${JSON.stringify(stampDocument(article, TIMESTAMP))}\n`
  }
  yield* ndjsonLines(shared.values())
}

const bytes = await writeFileAtomic(out, lines())
if (middleSlug === undefined) throw new Error('datasetChild: the middle article has no slug')
const personSlugs = [...shared.values()].flatMap((document) => {
  const slug: unknown = document['slug']
  const current = isRecord(slug) ? slug['current'] : undefined
  return document._type === 'person' && typeof current === 'string' ? [current] : []
})
const summary: DatasetSummary = {
  articles,
  documents: articles + shared.size,
  bytes,
  seconds: (performance.now() - started) / 1000,
  middleSlug,
  personSlugs,
}
process.stdout.write(`${JSON.stringify(summary)}\n`)
