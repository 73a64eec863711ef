import {hash} from 'node:crypto'

import {canonicalJson} from './canonicalJson'

/** The fields of an article an editor changes; provenance and system fields are left out. */
export const EDITABLE_ARTICLE_FIELDS = [
  'title',
  'slug',
  'standfirst',
  'publishedAt',
  'byline',
  'sections',
] as const

// Collected in sorted order, the content needs no reordered copy to be canonical.
const FIELDS_IN_KEY_ORDER = [...EDITABLE_ARTICLE_FIELDS].sort()

/**
 * Hashes an article's editable content in a canonical form (object keys sorted), so the hash
 * recorded at import tells later whether anyone has changed the article since.
 *
 * @param article - an article document, as imported or as stored
 * @param keys - `'sorted'` for an article whose every object was built with its keys in sorted
 *   order, as buildDocuments builds them: it is serialised as it is, without the walk that
 *   puts keys in order (a test holds buildDocuments to this)
 * @returns `sha256:` and the hex digest
 */
export function contentHash(
  article: Readonly<Record<string, unknown>>,
  keys: 'any' | 'sorted' = 'any',
): string {
  const content: Record<string, unknown> = {}
  for (const field of FIELDS_IN_KEY_ORDER) content[field] = article[field]
  const json = keys === 'sorted' ? JSON.stringify(content) : canonicalJson(content)
  return `sha256:${hash('sha256', json, 'hex')}`
}
