import {runNode} from '../process/runNode'
import {childReport} from './childReport'
import {type GroqJsTimings, parseGroqJsTimings} from './parseGroqJsTimings'
import type {QueryCaseParams} from './queryCases'

/**
 * Times the front-end queries in plain groq-js over a dataset file, in a child process: each
 * query once untimed, then `runs` timed evaluations (`evaluate` of a fresh `parse`, then
 * `get()`), one after another.
 *
 * @param file - the NDJSON dataset
 * @param params - what the queries ask about
 * @param runs - timed runs of each query
 * @returns the timings and results, with the child's peak memory in MiB
 */
export async function timeGroqJs(
  file: string,
  params: QueryCaseParams,
  runs: number,
): Promise<GroqJsTimings & {peakRssMb: number}> {
  const child = runNode('bench/queries/groqJsChild.ts', [
    ...['--data', file, '--runs', String(runs)],
    ...['--slug', params.slug, '--author', params.authorSlug, '--term', params.term],
  ])
  const line = await childReport(child, 'the groq-js child')
  return {...parseGroqJsTimings(line), peakRssMb: child.peakRssMb()}
}
