import {createClient} from '@sanity/client'

import {startLakeProcess} from '../process/startLakeProcess'
import type {CaseTimings} from './CaseTimings'
import type {QueryCase} from './queryCases'
import {type EngineLimits, timeRuns} from './timeRuns'

/** The lake's measurements over one dataset. */
export interface LakeTimings {
  /** One per query, in the order given. */
  cases: CaseTimings[]
  /** The lake processes' peak memory, MiB. */
  peakRssMb: number
}

/** Thrown when a request outlasts the timeout. */
class Abandoned extends Error {}

/**
 * Times queries through a lake running in its own process, as a front-end sees them: around
 * `client.fetch` of `@sanity/client`, HTTP over loopback included. Each query runs once as a
 * warm-up, then timed within the limits. The first query of a lake builds its index view; that
 * and the lake's start are logged. A request that outlasts the timeout leaves the lake busy
 * evaluating it (a query is never interrupted), so that lake is killed, the query recorded as
 * abandoned, and a new lake serves the next queries.
 *
 * @param file - the dataset file the lake serves
 * @param cases - the queries and their parameters
 * @param limits - runs, time budget and timeout of each query
 * @param log - where the lake's start and first query are reported
 * @returns the timings and results
 */
export async function timeLake(
  file: string,
  cases: readonly QueryCase[],
  limits: EngineLimits,
  log: (line: string) => void,
): Promise<LakeTimings> {
  const timings: LakeTimings = {cases: [], peakRssMb: 0}
  while (timings.cases.length < cases.length) {
    const started = performance.now()
    // The bench's own limit governs, not the lake's default query deadline.
    const lake = await startLakeProcess(file, [
      '--query-timeout',
      String(Math.ceil(limits.timeoutMs / 1000)),
    ])
    log(`lake serving after ${((performance.now() - started) / 1000).toFixed(1)} s`)
    let busy = false
    try {
      // As tests/support/localClient.ts configures it, per the README.
      const client = createClient({
        projectId: 'local',
        dataset: 'production',
        apiHost: lake.url,
        useProjectHostname: false,
        apiVersion: '2025-02-19',
        useCdn: false,
      })
      let first = true
      for (const {name, query, params} of cases.slice(timings.cases.length)) {
        const fetch = async (): Promise<unknown> => {
          const signal = AbortSignal.timeout(limits.timeoutMs)
          try {
            return await client.fetch(query, params, {signal})
          } catch (error) {
            throw signal.aborted ? new Abandoned(name) : error
          }
        }
        try {
          const warmUpStarted = performance.now()
          const result = await fetch()
          const warmUpMs = performance.now() - warmUpStarted
          if (first) log(`lake first query (builds the index view): ${warmUpMs.toFixed(0)} ms`)
          first = false
          const timesMs = await timeRuns(limits, fetch)
          timings.cases.push({name, status: 'measured', warmUpMs, timesMs, result})
        } catch (error) {
          if (!(error instanceof Abandoned)) throw error
          timings.cases.push({name, status: 'abandoned', afterMs: limits.timeoutMs})
          busy = true
          break
        }
      }
    } finally {
      if (busy) {
        // It would only see Ctrl-C once the abandoned query is done.
        lake.child.kill('SIGKILL')
        await lake.child.exited
      } else await lake.stop()
      timings.peakRssMb = Math.max(timings.peakRssMb, lake.child.peakRssMb())
    }
  }
  return timings
}
