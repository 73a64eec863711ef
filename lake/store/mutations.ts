import type {SanityDocument} from '@sanity/client'

import {isRecord} from '../../dataset/guards'

/** The mutations `POST /data/mutate` accepts, one operation each. */
export type LakeMutation =
  | {create: DocumentBody}
  | {createOrReplace: DocumentBody}
  | {createIfNotExists: DocumentBody}
  | {delete: {id: string}}
  | {patch: PatchBody}

/** A document in a mutation: `_id` may be missing on create (the lake makes one). */
export type DocumentBody = {_id?: string; _type: string} & Record<string, unknown>

/** A patch: operations (`set`, `unset`, `insert`…) on one document, maybe conditional. */
export type PatchBody = {id: string; ifRevisionID?: string} & Record<string, unknown>

/** What one mutation did to one document. */
export interface MutationResult {
  id: string
  operation: 'create' | 'update' | 'delete' | 'none'
}

/** A document changed by a transaction: its state before and after (null when absent). */
export interface DocumentChange {
  id: string
  before: SanityDocument | null
  after: SanityDocument | null
}

/**
 * Narrows a request body item to a {@link LakeMutation}.
 *
 * @param value - one item of `mutations`
 * @returns true when it has exactly one known operation of the right shape
 */
export function isLakeMutation(value: unknown): value is LakeMutation {
  if (!isRecord(value)) return false
  const keys = Object.keys(value)
  if (keys.length !== 1) return false
  const body = value[keys[0] ?? '']
  if (!isRecord(body)) return false
  switch (keys[0]) {
    case 'create':
    case 'createOrReplace':
    case 'createIfNotExists':
      return (
        typeof body['_type'] === 'string' &&
        (body['_id'] === undefined || typeof body['_id'] === 'string')
      )
    case 'delete':
    case 'patch':
      return typeof body['id'] === 'string'
    default:
      return false
  }
}
