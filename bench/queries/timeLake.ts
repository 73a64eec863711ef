import {createClient} from '@sanity/client'

import {startLakeProcess} from '../process/startLakeProcess'
import type {QueryCase} from './queryCases'
import {timeRuns} from './timeRuns'

/** One query's measurements through the lake. */
export interface LakeCaseTimings {
  name: string
  /** The untimed first run; the very first query also builds the lake's index view. */
  warmUpMs: number
  /** Wall time of each timed run, in milliseconds. */
  timesMs: number[]
  /** The query's result (from the warm-up run). */
  result: unknown
}

/** The lake's measurements over one dataset. */
export interface LakeTimings {
  /** From spawning the lake until it serves: reading the dataset file. */
  startSeconds: number
  cases: LakeCaseTimings[]
  /** The lake process's peak memory, MiB. */
  peakRssMb: number
}

/**
 * Times queries through a lake running in its own process, as a front-end sees them: around
 * `client.fetch` of `@sanity/client`, HTTP over loopback included. Each query runs once as a
 * warm-up, then `runs` timed times, one after another.
 *
 * @param file - the dataset file the lake serves
 * @param cases - the queries and their parameters
 * @param runs - timed runs of each query
 * @returns the timings and results
 */
export async function timeLake(
  file: string,
  cases: readonly QueryCase[],
  runs: number,
): Promise<LakeTimings> {
  const started = performance.now()
  const lake = await startLakeProcess(file)
  const startSeconds = (performance.now() - started) / 1000
  const measured: LakeCaseTimings[] = []
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
    for (const {name, query, params} of cases) {
      const warmUpStarted = performance.now()
      const result: unknown = await client.fetch(query, params)
      const warmUpMs = performance.now() - warmUpStarted
      const timesMs = await timeRuns(runs, () => client.fetch(query, params))
      measured.push({name, warmUpMs, timesMs, result})
    }
  } catch (error) {
    await lake.stop()
    throw error
  }
  return {startSeconds, cases: measured, peakRssMb: await lake.stop()}
}
