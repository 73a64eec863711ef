import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {isDeepStrictEqual} from 'node:util'

import {median, percentile} from '../process/statistics'
import {buildQueryDataset} from './buildQueryDataset'
import type {CaseTimings} from './CaseTimings'
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
  /**
   * Timed runs: fewer than asked when the time budget ran out, or for groq-js at 100,000
   * articles and more; 0 when a single run outlasted the timeout and the query was given up.
   */
  runs: number
  /** Median of the runs, in milliseconds; NaN when the query was given up. */
  medianMs: number
  /** 95th percentile of the runs, in milliseconds; NaN when the query was given up. */
  p95Ms: number
}

/** What to measure. */
export interface QueryBenchOptions {
  /** Archive sizes, in articles, e.g. `[1000, 10000, 100000]`. */
  sizes: number[]
  /** Timed runs of each query at each size, at most. */
  runs: number
  /** Where progress lines go. */
  log?: (line: string) => void
  /** No further timed run of a query starts once its runs took this long (default 60). */
  budgetSeconds?: number
  /** A single run taking longer than this is given up, and its query reported with no runs (default 180). */
  timeoutSeconds?: number
}

/** A credited author of the corpus, whose articles `articlesByAuthor` lists. */
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
 * importer would store it. Where both engines answer a query, their results must be deep-equal,
 * so a fast wrong answer is never reported. One process works at a time: the machine may have
 * only two cores.
 *
 * @param options - sizes, runs, an optional progress log and time limits
 * @returns one row per size, query and engine
 * @throws Error when the engines disagree or the parameters find nothing to return
 */
export async function benchQueries(options: QueryBenchOptions): Promise<QueryRow[]> {
  const {sizes, runs, log = () => undefined} = options
  if (!Number.isInteger(runs) || runs < 1) throw new Error('benchQueries(): runs must be ≥ 1')
  const budgetMs = (options.budgetSeconds ?? 60) * 1000
  const timeoutMs = (options.timeoutSeconds ?? 180) * 1000
  const rows: QueryRow[] = []
  for (const size of sizes) {
    const folder = await mkdtemp(join(tmpdir(), `newsroom-bench-queries-${size}-`))
    const say = (line: string) => log(`queries: ${size} articles: ${line}`)
    try {
      const file = join(folder, 'production.ndjson')
      const dataset = await buildQueryDataset(file, size)
      const {documents} = dataset
      say(
        `${documents} documents, ${(dataset.bytes / 2 ** 20).toFixed(0)} MiB written in ` +
          `${dataset.seconds.toFixed(1)} s (peak RSS ${dataset.peakRssMb.toFixed(0)} MiB)`,
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

      const lake = await timeLake(file, cases, {runs, budgetMs, timeoutMs}, say)
      say(`lake peak RSS ${lake.peakRssMb.toFixed(0)} MiB`)
      for (const measured of lake.cases) say(`lake ${describe(measured)}`)

      const groqRuns = size >= LARGE ? Math.min(runs, LARGE_RUNS) : runs
      const groq = await timeGroqJs(file, params, {runs: groqRuns, budgetMs, timeoutMs})
      say(
        `groq-js read ${groq.documents} documents in ${groq.loadSeconds.toFixed(1)} s; ` +
          `peak RSS ${groq.peakRssMb.toFixed(0)} MiB`,
      )
      for (const scanned of groq.cases) say(`groq-js ${describe(scanned)}`)

      for (const {name} of cases) {
        const fromLake = lake.cases.find((item) => item.name === name)
        const fromGroq = groq.cases.find((item) => item.name === name)
        if (!fromLake || !fromGroq) throw new Error(`benchQueries(): ${name} was not run`)
        compare(fromLake, fromGroq, size, say)
        const row = {query: name, articles: size, documents}
        rows.push({...row, engine: 'lake', ...summarise(fromLake)})
        rows.push({...row, engine: 'groq-js', ...summarise(fromGroq)})
      }
    } finally {
      await rm(folder, {recursive: true, force: true})
    }
  }
  return rows
}

/**
 * Throws unless both engines' results are deep-equal, or a query's parameters found nothing
 * (that would time an empty answer, not the query).
 */
function compare(
  fromLake: CaseTimings,
  fromGroq: CaseTimings,
  size: number,
  say: (line: string) => void,
): void {
  const {name} = fromLake
  for (const item of [fromLake, fromGroq]) {
    if (item.status !== 'measured') continue
    if (item.result === null || (Array.isArray(item.result) && item.result.length === 0)) {
      throw new Error(`benchQueries(): ${name} found nothing at ${size} articles`)
    }
  }
  if (fromLake.status !== 'measured' || fromGroq.status !== 'measured') {
    say(`${name}: results not compared, as an engine gave it up`)
    return
  }
  if (!isDeepStrictEqual(fromLake.result, fromGroq.result)) {
    throw new Error(
      `benchQueries(): ${name} at ${size} articles: the lake returned ` +
        `${excerpt(fromLake.result)} but groq-js ${excerpt(fromGroq.result)}`,
    )
  }
}

function summarise(timings: CaseTimings): Pick<QueryRow, 'runs' | 'medianMs' | 'p95Ms'> {
  if (timings.status === 'abandoned') return {runs: 0, medianMs: NaN, p95Ms: NaN}
  const round = (ms: number) => Math.round(ms * 100) / 100
  return {
    runs: timings.timesMs.length,
    medianMs: round(median(timings.timesMs)),
    p95Ms: round(percentile(timings.timesMs, 95)),
  }
}

function describe(timings: CaseTimings): string {
  if (timings.status === 'abandoned') {
    return `${timings.name}: given up after ${timings.afterMs / 1000} s`
  }
  const {result} = timings
  const found = Array.isArray(result)
    ? `${result.length} results`
    : result === null
      ? 'null'
      : '1 result'
  return (
    `${timings.name}: warm-up ${timings.warmUpMs.toFixed(1)} ms, ` +
    `${timings.timesMs.length} runs, ${found}`
  )
}

function excerpt(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined'
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}
