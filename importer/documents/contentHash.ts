import {isRecord} from '../../dataset/guards'
import {sha256Hex} from '../shared/sha256'
import {canonicalJson, jsonOf, keysInOrder} from './canonicalJson'

/** The fields of an article an editor changes; provenance and system fields are left out. */
export const EDITABLE_ARTICLE_FIELDS = [
  'title',
  'slug',
  'standfirst',
  'publishedAt',
  'byline',
  'sections',
] as const

// Collected in sorted order, the content's top level is already canonical.
const FIELDS_IN_KEY_ORDER = [...EDITABLE_ARTICLE_FIELDS].sort()

/**
 * Hashes an article's editable content in a canonical form (object keys sorted), so the hash
 * recorded at import tells later whether anyone has changed the article since. Key order never
 * changes the hash: content whose keys are all in order, as buildDocuments builds it, is
 * serialised as it is once a walk has checked that, and anything else is sorted first.
 *
 * @param article - an article document, as imported or as stored, its keys in any order
 * @returns `sha256:` and the hex digest
 */
export function contentHash(article: Readonly<Record<string, unknown>>): string {
  // `canonicalJson` of the fields as one object, written field by field: sections in key order
  // are serialised as they are, once (see `jsonOf`), and their JSON is the article body's too.
  const members: string[] = []
  for (const field of FIELDS_IN_KEY_ORDER) {
    const value = article[field]
    if (value === undefined) continue
    const json = Array.isArray(value) && keysInOrder(value) ? jsonOf(value) : canonicalJson(value)
    members.push(`"${field}":${json}`)
  }
  return `sha256:${sha256Hex(`{${members.join(',')}}`)}`
}

/**
 * The content hash an article recorded when it was imported (`source.contentHash`).
 *
 * @param article - an article as stored
 * @returns the hash, or undefined for an article with none, such as one made in the Studio
 */
export function recordedContentHash(
  article: Readonly<Record<string, unknown>>,
): string | undefined {
  const source = article['source']
  return isRecord(source) && typeof source['contentHash'] === 'string'
    ? source['contentHash']
    : undefined
}
