import type {OutcomeSummary} from './summarizeOutcome'
import type {Totals} from './tallyOutcomes'

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
