import {type NodeChild, runNode} from '../process/runNode'
import type {CaseTimings} from './CaseTimings'
import {type GroqJsLine, parseGroqJsLine} from './parseGroqJsLine'
import {type QueryCaseParams, queryCases} from './queryCases'
import type {EngineLimits} from './timeRuns'

/** Plain groq-js's measurements over one dataset. */
export interface GroqJsTimings {
  documents: number
  /** Time to read the NDJSON file into memory (not part of any query's time). */
  loadSeconds: number
  /** One per query, in `queryCases` order. */
  cases: CaseTimings[]
  /** The children's peak memory, MiB. */
  peakRssMb: number
}

const POLL_MS = 100
/** How long output may trail a child's exit: its stdout can still be open when it exits. */

/**
 * Times the front-end queries in plain groq-js over a dataset file, in a child process: each
 * query once untimed, then timed evaluations (`evaluate` of a fresh `parse`, then `get()`) within
 * the limits. A run that outlasts the timeout cannot be interrupted (groq-js never yields to the
 * event loop), so the child is killed, the query recorded as abandoned, and a new child carries
 * on with the next query.
 *
 * @param file - the NDJSON dataset
 * @param params - what the queries ask about
 * @param limits - runs, time budget and timeout of each query
 * @returns the timings and results
 * @throws Error when a child fails
 */
export async function timeGroqJs(
  file: string,
  params: QueryCaseParams,
  limits: EngineLimits,
): Promise<GroqJsTimings> {
  const names = queryCases(params).map((item) => item.name)
  const timings: GroqJsTimings = {documents: 0, loadSeconds: 0, cases: [], peakRssMb: 0}
  while (timings.cases.length < names.length) {
    const child = runNode('bench/queries/groqJsChild.ts', [
      ...['--data', file, '--from', String(timings.cases.length)],
      ...['--runs', String(limits.runs), '--budget-ms', String(limits.budgetMs)],
      ...['--slug', params.slug, '--author', params.authorSlug, '--term', params.term],
    ])
    const outcome = await follow(child, limits.timeoutMs, (line) => {
      if (line.type === 'loaded') {
        timings.documents = line.documents
        timings.loadSeconds = line.loadSeconds
      }
      if (line.type === 'case') timings.cases.push(line.timings)
    })
    timings.peakRssMb = Math.max(timings.peakRssMb, child.peakRssMb())
    if (outcome === 'timed out') {
      const name = names[timings.cases.length] ?? ''
      timings.cases.push({name, status: 'abandoned', afterMs: limits.timeoutMs})
    } else if (outcome !== 0) {
      throw new Error(`timeGroqJs(): the groq-js child exited with code ${outcome}`)
    } else if (timings.cases.length < names.length) {
      throw new Error('timeGroqJs(): the groq-js child exited before measuring every query')
    }
  }
  return timings
}

/**
 * Hands each line of a child's output to `onLine` as it comes and, once it has loaded the dataset
 * (reading a file cannot hang), kills it when no line has come for `timeoutMs`: the child prints
 * one before every run.
 */
async function follow(
  child: NodeChild,
  timeoutMs: number,
  onLine: (line: GroqJsLine) => void,
): Promise<number | null | 'timed out'> {
  let code: number | null | undefined
  void child.exited.then((exitCode) => (code = exitCode))
  let seen = 0
  let loaded = false
  let lastLineAt = performance.now()
  const drain = () => {
    const lines = child.stdout()
    for (; seen < lines.length; seen++) {
      const text = lines[seen]
      if (!text?.trim()) continue
      const line = parseGroqJsLine(text)
      loaded ||= line.type === 'loaded'
      onLine(line)
      lastLineAt = performance.now()
    }
  }
  for (;;) {
    drain()
    if (code !== undefined) {
      drain()
      return code
    }
    if (loaded && performance.now() - lastLineAt > timeoutMs) {
      child.kill('SIGKILL')
      await child.exited
      return 'timed out'
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}
