import type {OutcomeSummary} from './summarizeOutcome'

/** Statuses in report order. */
export const STATUSES = ['created', 'updated', 'unchanged', 'kept', 'failed'] as const

/**
 * The human report: a line per file (status, file, article id, sections, byline, newsletter),
 * indented notes and errors under it, then the totals and where documents went.
 *
 * @param summaries - one per file
 * @param footer - what was written where, e.g. `written to data/production.ndjson`
 * @returns the report's lines
 */
export function formatReport(summaries: readonly OutcomeSummary[], footer: string): string[] {
  const lines: string[] = []
  for (const summary of summaries) {
    const facts = [
      summary.articleId,
      summary.sections && `${summary.sections.length} sections`,
      summary.byline || (summary.articleId && 'no byline'),
      summary.newsletter && `newsletter “${summary.newsletter}”`,
    ].filter(Boolean)
    lines.push(
      `${summary.status.padEnd(9)} ${summary.file}${facts.length ? ` → ${facts.join(' · ')}` : ''}`,
    )
    for (const note of summary.notes) lines.push(`          note: ${note}`)
    for (const error of summary.errors) lines.push(`          error: ${error}`)
  }
  const totals = STATUSES.map((status) => {
    const count = summaries.filter((summary) => summary.status === status).length
    return `${count} ${status}`
  })
  const files = `${summaries.length} ${summaries.length === 1 ? 'file' : 'files'}`
  lines.push(`${files}: ${totals.join(', ')}; ${footer}`)
  return lines
}
