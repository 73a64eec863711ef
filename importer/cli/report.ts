import {mapAsync} from '../../dataset/ndjson'
import {formatByline} from '../../schemas/formatByline'
import {type FileOutcome, NOT_WRITTEN} from '../run/runImport'
import {packInOrder} from '../shared/packInOrder'

/** A file's status, as its report line begins. */
export type FileStatus = FileOutcome['status']

/** Files per status. */
export type Totals = Record<FileStatus, number>

/**
 * No files of any status, in report order: the one list of the statuses here, checked against
 * {@link FileStatus} both ways (a status missing or unknown does not compile).
 */
const NO_FILES = {
  created: 0,
  updated: 0,
  unchanged: 0,
  review: 0,
  kept: 0,
  failed: 0,
} satisfies Totals

/** Statuses in report order. */
export const STATUSES: readonly FileStatus[] = Object.keys(NO_FILES).filter(isStatus)

function isStatus(key: string): key is FileStatus {
  return Object.hasOwn(NO_FILES, key)
}

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
  const counting = countOutcomes(outcomes)
  for await (const _outcome of counting.outcomes);
  return counting.tally
}

/**
 * The outcomes, counted as they are read: a report that gives its totals after the files reads
 * them once.
 *
 * @param outcomes - one per file
 * @returns the same outcomes, and their tally, complete once they have all been read
 */
export function countOutcomes(outcomes: AsyncIterable<FileOutcome>): {
  outcomes: AsyncIterable<FileOutcome>
  tally: Tally
} {
  const tally: Tally = {totals: {...NO_FILES}, notWritten: 0}
  // A generator is read once: reading it again yields nothing, so nothing is counted twice.
  async function* counted(): AsyncGenerator<FileOutcome> {
    for await (const outcome of outcomes) {
      tally.totals[outcome.status]++
      if (isNotWritten(outcome)) tally.notWritten++
      yield outcome
    }
  }
  return {tally, outcomes: counted()}
}

/** A file an interrupted run did not get to write: a failed outcome with that error. */
function isNotWritten(outcome: {errors: readonly string[]}): boolean {
  return outcome.errors.includes(NOT_WRITTEN)
}

/** The facts the report gives for one file, also the shape of each `--json` entry. */
export interface OutcomeSummary {
  file: string
  status: FileStatus
  articleId?: string
  title?: string
  titleDerived?: boolean
  sections?: (string | null)[]
  byline?: string
  newsletter?: string
  /** Why the article is a draft for review: the rules it fails, in the Studio's words. */
  review?: string[]
  notes: string[]
  errors: string[]
}

/**
 * Summarises what happened to one file for the report.
 *
 * @param outcome - the file's outcome
 * @returns its report entry
 */
export function summarizeOutcome(outcome: FileOutcome): OutcomeSummary {
  const {fileName, status, article, review, notes, errors} = outcome
  if (!article || status === 'failed') return {file: fileName, status, notes, errors}
  return {
    file: fileName,
    status,
    articleId: article.id,
    title: article.title,
    titleDerived: article.titleDerived,
    sections: article.sections,
    byline: formatByline({authors: article.authors, agencies: article.agencies}),
    ...(article.newsletter ? {newsletter: article.newsletter} : {}),
    ...(review.length > 0 ? {review} : {}),
    notes,
    errors,
  }
}

/**
 * The human report: a line per file (status, file, article id, the rules a review article
 * fails, sections, byline, newsletter), indented notes and errors under it, then the totals and
 * where documents went. A file an interrupted run did not write is listed as `unwritten` and
 * counted as not written rather than failed: nothing is wrong with it, and the next run writes
 * it. Lines come as the summaries do, so a report of any length is printed without being held.
 *
 * @param summaries - one per file
 * @param tally - files per status and files not written: counted beforehand, or as the summaries
 *   are read (see {@link countOutcomes}), as it is read only after the last of them
 * @param footer - what was written where, e.g. `written to data/production.ndjson`, asked for
 *   after the last file
 * @returns the report's lines
 */
export async function* formatReport(
  summaries: AsyncIterable<OutcomeSummary>,
  tally: Tally,
  footer: (tally: Tally) => string,
): AsyncGenerator<string> {
  for await (const summary of summaries) {
    const facts = [
      summary.articleId,
      ...(summary.review ?? []),
      summary.sections &&
        `${summary.sections.length} ${summary.sections.length === 1 ? 'section' : 'sections'}`,
      summary.byline || (summary.articleId && 'no byline'),
      summary.newsletter && `newsletter “${summary.newsletter}”`,
    ].filter(Boolean)
    const label = isNotWritten(summary) ? 'unwritten' : summary.status
    yield `${label.padEnd(9)} ${summary.file}${facts.length ? ` → ${facts.join(' · ')}` : ''}`
    for (const note of summary.notes) yield `          note: ${note}`
    for (const error of summary.errors) yield `          error: ${error}`
  }
  const {totals, notWritten} = tally
  // Files not written are failed outcomes (see isNotWritten), told apart here.
  const counts = STATUSES.map(
    (status) => `${status === 'failed' ? totals.failed - notWritten : totals[status]} ${status}`,
  )
  if (notWritten > 0) counts.push(`${notWritten} not written`)
  const files = STATUSES.reduce((sum, status) => sum + totals[status], 0)
  yield `${files} ${files === 1 ? 'file' : 'files'}: ${counts.join(', ')}; ${footer(tally)}`
}

/** What the `--json` report says before its files. */
export interface JsonReportHeader {
  target: string
  dryRun: boolean
  written: boolean
  totals: Totals
}

const INDENT = '    '

/**
 * The `--json` report, `JSON.stringify(report, null, 2)` to the byte, given out a few lines at a
 * time as the summaries come, so a report of any length is printed without being held.
 *
 * @param header - target, dry run, written and totals
 * @param summaries - one per file, the report's `files`
 * @returns the report's text in pieces; joined with newlines, they are the whole report
 */
export async function* jsonReport(
  header: JsonReportHeader,
  summaries: AsyncIterable<OutcomeSummary>,
): AsyncGenerator<string> {
  const empty = JSON.stringify({...header, files: []}, null, 2)
  const open = empty.lastIndexOf('[]')
  // Each file is printed once the next one is seen, so the last goes without a comma.
  let previous: string | undefined
  for await (const summary of summaries) {
    if (previous === undefined) yield empty.slice(0, open + 1)
    else yield `${previous},`
    previous = INDENT + JSON.stringify(summary, null, 2).replaceAll('\n', `\n${INDENT}`)
  }
  if (previous === undefined) {
    yield empty
    return
  }
  yield previous
  yield `  ${empty.slice(open + 1)}`
}

/**
 * Most characters of report written at once. Each write to a pipe or a terminal is a system
 * call: a line at a time, the end of a 30,000-file import spent 520 ms writing its report to a
 * pipe; in pieces of this size, 50 ms.
 */
const REPORT_PIECE_CHARS = 64 * 1024

/**
 * Lines joined into pieces of up to `maxChars` characters (a longer line is a piece of its
 * own), each written with one call: joined with newlines, the pieces are the lines joined so.
 *
 * @param lines - the report's lines or pieces, in order
 * @param maxChars - the largest piece made of several lines
 * @returns the pieces, as the lines come
 */
export function joinLines(
  lines: AsyncIterable<string>,
  maxChars = REPORT_PIECE_CHARS,
): AsyncGenerator<string> {
  // Each line counts the newline that joins it to the next.
  const pieces = packInOrder(lines, maxChars, (line) => line.length + 1)
  return mapAsync(pieces, (piece) => piece.join('\n'))
}
