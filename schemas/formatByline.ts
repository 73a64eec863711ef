/** The resolved parts of a byline: author names and agency credits, in print order. */
export interface BylineParts {
  authors?: readonly (string | null | undefined)[] | null
  agencies?: readonly (string | null | undefined)[] | null
}

/**
 * Formats a byline the way newsrooms print it: `Florent Vergnes, with AFP`, `A and B`,
 * `A, B and C, with Reuters`, `AFP`. Blank names are skipped; no parts give an empty string.
 *
 * @param byline - author names and agency credits, already resolved from references
 * @returns the printed credit line
 */
export function formatByline(byline: BylineParts): string {
  const authors = cleanNames(byline.authors)
  const agencies = cleanNames(byline.agencies)
  if (authors.length === 0) return joinNames(agencies)
  if (agencies.length === 0) return joinNames(authors)
  return `${joinNames(authors)}, with ${joinNames(agencies)}`
}

function cleanNames(names: BylineParts['authors']): string[] {
  const cleaned: string[] = []
  for (const name of names ?? []) {
    const trimmed = name?.trim()
    if (trimmed) cleaned.push(trimmed)
  }
  return cleaned
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}
