import type {SanityDocument} from '@sanity/client'

import {isRecord} from '../../dataset/guards'
import type {Perspective} from './perspectiveDocuments'

/** A document as a write left it: its new content, or null when deleted. */
export interface ReplicaChange {
  id: string
  after: SanityDocument | null
}

/** What the lake tells a query worker: its whole replica, a write's changes, or a query. */
export type WorkerRequest =
  | {kind: 'load' | 'apply'; changes: ReplicaChange[]}
  | {
      kind: 'query'
      id: number
      query: string
      params: Record<string, unknown>
      perspective: Perspective
    }

/** A query worker's answer: the result, or the error in the Content Lake's shape. */
export type WorkerReply =
  | {id: number; result: unknown}
  | {id: number; error: {type: string; description: string}; statusCode: number}

/**
 * Narrows a message to a query worker.
 *
 * @param value - the message
 * @returns true for a {@link WorkerRequest}
 */
export function isWorkerRequest(value: unknown): value is WorkerRequest {
  if (!isRecord(value)) return false
  if (value['kind'] === 'load' || value['kind'] === 'apply') return Array.isArray(value['changes'])
  return (
    value['kind'] === 'query' &&
    typeof value['id'] === 'number' &&
    typeof value['query'] === 'string' &&
    isRecord(value['params'])
  )
}

/**
 * Narrows a message from a query worker.
 *
 * @param value - the message
 * @returns true for a {@link WorkerReply}
 */
export function isWorkerReply(value: unknown): value is WorkerReply {
  return (
    isRecord(value) && typeof value['id'] === 'number' && ('result' in value || 'error' in value)
  )
}
