import {type FileOutcome, NOT_WRITTEN} from '../run/runImport'
import {STATUSES} from './formatReport'

/** Files per status. */
export type Totals = Record<(typeof STATUSES)[number], number>

/** What the report says before it lists the files. */
export interface Tally {
  totals: Totals
  /** Files an interrupted run did not get to write. */
  notWritten: number
}

/**
 * Counts the outcomes by status, in one pass over them.
 *
 * @param outcomes - one per file
 * @returns the totals, and how many files an interruption left unwritten
 */
export async function tallyOutcomes(outcomes: AsyncIterable<FileOutcome>): Promise<Tally> {
  const totals: Totals = {created: 0, updated: 0, unchanged: 0, review: 0, kept: 0, failed: 0}
  let notWritten = 0
  for await (const outcome of outcomes) {
    totals[outcome.status]++
    if (outcome.errors.includes(NOT_WRITTEN)) notWritten++
  }
  return {totals, notWritten}
}
