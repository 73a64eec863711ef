import type {OutcomeSummary} from './summarizeOutcome'
import type {Totals} from './tallyOutcomes'

/** Statuses in report order. */
export const STATUSES = ['created', 'updated', 'unchanged', 'review', 'kept', 'failed'] as const

/**
 * The human report: a line per file (status, file, article id, the rules a review article
 * fails, sections, byline, newsletter), indented notes and errors under it, then the totals and
 * where documents went. Lines come as the summaries do, so a report of any length is printed
 * without being held.
 *
 * @param summaries - one per file
 * @param totals - files per status, counted beforehand
 * @param footer - what was written where, e.g. `written to data/production.ndjson`
 * @returns the report's lines
 */
export async function* formatReport(
  summaries: AsyncIterable<OutcomeSummary>,
  totals: Totals,
  footer: string,
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
    yield `${summary.status.padEnd(9)} ${summary.file}${facts.length ? ` → ${facts.join(' · ')}` : ''}`
    for (const note of summary.notes) yield `          note: ${note}`
    for (const error of summary.errors) yield `          error: ${error}`
  }
  const counts = STATUSES.map((status) => `${totals[status]} ${status}`)
  const files = STATUSES.reduce((sum, status) => sum + totals[status], 0)
  yield `${files} ${files === 1 ? 'file' : 'files'}: ${counts.join(', ')}; ${footer}`
}
