import {isRecord} from '../../dataset/isRecord'
import type {ArticleWrite} from '../plan/planImport'

/**
 * Whether a value read back from a spool is an article write: its shape, not every field.
 *
 * @param value - a parsed spool line
 * @returns true for an article write
 */
export function isArticleWrite(value: unknown): value is ArticleWrite {
  return (
    isRecord(value) &&
    isRecord(value['article']) &&
    typeof value['article']['_id'] === 'string' &&
    Array.isArray(value['createIfMissing'])
  )
}
