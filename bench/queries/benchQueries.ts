import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {isDeepStrictEqual} from 'node:util'

import {median, percentile} from '../process/statistics'
import {buildQueryDataset} from './buildQueryDataset'
import {type QueryCaseParams, queryCases} from './queryCases'
import {timeGroqJs} from './timeGroqJs'
import {timeLake} from './timeLake'

/** One front-end query at one archive size, through one engine. */
export interface QueryRow {
  /** The query's name in `queries/queries.ts`. */
  query: string
  articles: number
  /** Documents in the dataset: articles, people and newsletters. */
  documents: number
  /** `lake`: the local lake over HTTP, indexes included; `groq-js`: a full scan in memory. */
  engine: 'lake' | 'groq-js'
  /** Timed runs (fewer for groq-js at 100,000 articles and more, where each takes seconds). */
  runs: number
  medianMs: number
  /** 95th percentile of the runs, in milliseconds. */
  p95Ms: number
}

/** What to measure. */
export interface QueryBenchOptions {
  /** Archive sizes, in articles, e.g. `[1000, 10000, 100000]`. */
  sizes: number[]
  /** Timed runs of each query at each size. */
  runs: number
  /** Where progress lines go. */
  log?: (line: string) => void
}

/** A credited author of the corpus (its first), whose articles `articlesByAuthor` lists. */
const AUTHOR_SLUG = 'florent-vergnes'
/** A word of one seed sentence, so a share of the articles match it. */
const SEARCH_TERM = 'Sudzha'
/** From this size plain groq-js runs each query at most `LARGE_RUNS` times: a scan takes ~1 s. */
const LARGE = 100_000
const LARGE_RUNS = 5

/**
 * Latency of the front-end queries (`queries/queries.ts`) at each archive size, through the
 * local lake in its own process (client-side, over HTTP, as a front-end sees it) and in plain
 * groq-js scanning the same documents in memory. Each size's dataset is generated once, as the
 * importer would store it; both engines must return deep-equal results for every query, so a
 * fast wrong answer is never reported. One process runs at a time: the machine may have only
 * two cores.
 *
 * @param options - sizes, runs and an optional progress log
 * @returns one row per size, query and engine
 * @throws Error when the engines disagree or the parameters find nothing to return
 */
export async function benchQueries(options: QueryBenchOptions): Promise<QueryRow[]> {
  const {sizes, runs, log = () => undefined} = options
  if (!Number.isInteger(runs) || runs < 1) throw new Error('benchQueries(): runs must be ≥ 1')
  const rows: QueryRow[] = []
  for (const size of sizes) {
    const folder = await mkdtemp(join(tmpdir(), `newsroom-bench-queries-${size}-`))
    try {
      const file = join(folder, 'production.ndjson')
      const dataset = await buildQueryDataset(file, size)
      const {documents} = dataset
      log(
        `queries: ${size} articles: ${documents} documents, ` +
          `${(dataset.bytes / 2 ** 20).toFixed(0)} MiB written in ${dataset.seconds.toFixed(1)} s ` +
          `(${dataset.peakRssMb.toFixed(0)} MiB)`,
      )
      if (!dataset.personSlugs.includes(AUTHOR_SLUG)) {
        throw new Error(`benchQueries(): no person "${AUTHOR_SLUG}" at ${size} articles`)
      }
      const params: QueryCaseParams = {
        slug: dataset.middleSlug,
        authorSlug: AUTHOR_SLUG,
        term: SEARCH_TERM,
      }
      const cases = queryCases(params)

      const lake = await timeLake(file, cases, runs)
      const [first] = lake.cases
      log(
        `queries: lake, ${size} articles: serving after ${lake.startSeconds.toFixed(1)} s; ` +
          `first query (builds the index view) ${first?.warmUpMs.toFixed(0)} ms; ` +
          `peak RSS ${lake.peakRssMb.toFixed(0)} MiB`,
      )
      for (const {name, warmUpMs, result} of lake.cases) {
        log(
          `queries: lake, ${size} articles: ${name} warm-up ${warmUpMs.toFixed(1)} ms, ${describe(result)}`,
        )
        checkFound(name, result, size)
      }

      const groqRuns = size >= LARGE ? Math.min(runs, LARGE_RUNS) : runs
      const groq = await timeGroqJs(file, params, groqRuns)
      log(
        `queries: groq-js, ${size} articles: ${groq.documents} documents read in ` +
          `${groq.loadSeconds.toFixed(1)} s; peak RSS ${groq.peakRssMb.toFixed(0)} MiB`,
      )

      for (const measured of lake.cases) {
        const scanned = groq.cases.find((item) => item.name === measured.name)
        if (!scanned) throw new Error(`benchQueries(): groq-js did not run ${measured.name}`)
        if (!isDeepStrictEqual(measured.result, scanned.result)) {
          throw new Error(
            `benchQueries(): ${measured.name} at ${size} articles: the lake returned ` +
              `${excerpt(measured.result)} but groq-js ${excerpt(scanned.result)}`,
          )
        }
        const row = {query: measured.name, articles: size, documents}
        rows.push({...row, engine: 'lake', ...summarise(measured.timesMs)})
        rows.push({...row, engine: 'groq-js', ...summarise(scanned.timesMs)})
      }
    } finally {
      await rm(folder, {recursive: true, force: true})
    }
  }
  return rows
}

function summarise(timesMs: readonly number[]) {
  const round = (ms: number) => Math.round(ms * 100) / 100
  return {
    runs: timesMs.length,
    medianMs: round(median(timesMs)),
    p95Ms: round(percentile(timesMs, 95)),
  }
}

/** Parameters that match nothing would time an empty answer, not the query. */
function checkFound(name: string, result: unknown, size: number): void {
  if (result === null || (Array.isArray(result) && result.length === 0)) {
    throw new Error(`benchQueries(): ${name} found nothing at ${size} articles`)
  }
}

function describe(result: unknown): string {
  return Array.isArray(result) ? `${result.length} results` : result === null ? 'null' : '1 result'
}

function excerpt(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined'
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}
