import {createHash} from 'node:crypto'

/** The fields of an article an editor changes; provenance and system fields are left out. */
export const EDITABLE_ARTICLE_FIELDS = [
  'title',
  'slug',
  'standfirst',
  'publishedAt',
  'byline',
  'sections',
] as const

/**
 * Hashes an article's editable content in a canonical form (object keys sorted), so the hash
 * recorded at import tells later whether anyone has changed the article since.
 *
 * @param article - an article document, as imported or as stored
 * @returns `sha256:` and the hex digest
 */
export function contentHash(article: Readonly<Record<string, unknown>>): string {
  const content: Record<string, unknown> = {}
  for (const field of EDITABLE_ARTICLE_FIELDS) content[field] = article[field]
  return `sha256:${createHash('sha256').update(canonicalJson(content)).digest('hex')}`
}

/**
 * JSON with object keys sorted at every depth and undefined values left out, so equal content
 * always gives the same text.
 *
 * @param value - any JSON-compatible value
 * @returns canonical JSON
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
