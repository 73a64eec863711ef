import type {SanityDocument} from '@sanity/client'
import {Mutation} from '@sanity/mutator'

import {isRecord} from '../../dataset/guards'
import {LakeError} from '../shared/LakeError'
import type {DocumentBody, DocumentChange, LakeMutation, MutationResult} from './mutations'

/** How a transaction is stamped. */
export interface TransactionStamp {
  transactionId: string
  /** ISO time of the transaction. */
  timestamp: string
  /** Makes ids for created documents without one. */
  newId: () => string
}

/**
 * Applies a transaction's mutations in order to a view of the dataset, all or nothing: the
 * first failing mutation throws and nothing is changed. Every written document gets the
 * transaction id as its revision, keeps its `_createdAt` and gets the time as `_updatedAt`.
 *
 * @param mutations - the transaction's mutations
 * @param get - reads a document as the transaction has it so far
 * @param stamp - transaction id, time and id maker
 * @returns one result per mutation, the documents changed (in first-touched order), and for each
 *   document a create, createOrReplace or createIfNotExists wrote last, the body it wrote
 * @throws LakeError 409 for a create over an existing document or a stale `ifRevisionID`,
 *   404 for a patch of a missing document, 400 for an invalid document id
 */
export function applyMutations(
  mutations: readonly LakeMutation[],
  get: (id: string) => SanityDocument | undefined,
  stamp: TransactionStamp,
): {results: MutationResult[]; changes: DocumentChange[]; createdFrom: Map<string, DocumentBody>} {
  const changes = new Map<string, DocumentChange>()
  const createdFrom = new Map<string, DocumentBody>()
  const current = (id: string) =>
    changes.has(id) ? (changes.get(id)?.after ?? null) : (get(id) ?? null)
  const write = (id: string, after: SanityDocument | null) => {
    const change = changes.get(id) ?? {id, before: get(id) ?? null, after: null}
    changes.set(id, {...change, after})
  }
  const results = mutations.map((mutation): MutationResult => {
    const {id, operation, after, body} = applyOne(mutation, current, stamp)
    if (operation !== 'none') {
      write(id, after)
      if (body) createdFrom.set(id, body)
      else createdFrom.delete(id)
    }
    return {id, operation}
  })
  return {results, changes: [...changes.values()], createdFrom}
}

function applyOne(
  mutation: LakeMutation,
  current: (id: string) => SanityDocument | null,
  stamp: TransactionStamp,
): {
  id: string
  operation: MutationResult['operation']
  after: SanityDocument | null
  /** What a create wrote the document from. */
  body?: DocumentBody
} {
  if ('delete' in mutation) {
    const {id} = mutation.delete
    return {id, operation: current(id) ? 'delete' : 'none', after: null}
  }
  if ('patch' in mutation) {
    const {id, ifRevisionID} = mutation.patch
    const before = current(id)
    if (!before) throw new LakeError(404, 'documentNotFoundError', `Document "${id}" not found`)
    checkRevision(before, ifRevisionID)
    const patched: unknown = new Mutation({mutations: [{patch: mutation.patch}]}).apply({...before})
    return {id, operation: 'update', after: finish(keptIdentity(patched, before), before, stamp)}
  }
  const [kind, body] =
    'create' in mutation
      ? (['create', mutation.create] as const)
      : 'createOrReplace' in mutation
        ? (['createOrReplace', mutation.createOrReplace] as const)
        : (['createIfNotExists', mutation.createIfNotExists] as const)
  const id = body._id ?? stamp.newId()
  checkId(id)
  const before = current(id)
  if (before && kind === 'createIfNotExists') return {id, operation: 'none', after: before}
  if (before && kind === 'create') {
    throw new LakeError(409, 'mutationError', `Document by ID "${id}" already exists`)
  }
  const after = finish(keptIdentity({...body, _id: id}, before), before, stamp)
  return {id, operation: before ? 'update' : 'create', after, body}
}

/**
 * A document after a write must still be the document it was: the same `_id`, and a `_type`
 * that is the same string. A patch that sets `_id` would make two documents of one id, and one
 * that unsets `_type` would leave a file no lake can load.
 *
 * @throws LakeError 400 naming the document, and nothing of the transaction is applied
 */
function keptIdentity(
  after: unknown,
  before: SanityDocument | null,
): {_id: string; _type: string} & Record<string, unknown> {
  if (!isRecord(after) || typeof after['_id'] !== 'string') {
    throw new LakeError(400, 'mutationError', 'A write must leave a document with an _id')
  }
  const id = after['_id']
  const type = after['_type']
  if (before && id !== before._id) {
    throw new LakeError(400, 'mutationError', `The _id of "${before._id}" cannot be changed`)
  }
  if (typeof type !== 'string' || type === '') {
    throw new LakeError(400, 'mutationError', `Document "${id}" must keep a string _type`)
  }
  if (before && type !== before._type) {
    throw new LakeError(
      400,
      'mutationError',
      `The _type of "${id}" cannot change from "${before._type}" to "${type}"`,
    )
  }
  return {...after, _id: id, _type: type}
}

function finish(
  document: {_id: string; _type: string} & Record<string, unknown>,
  before: SanityDocument | null,
  {transactionId, timestamp}: TransactionStamp,
): SanityDocument {
  return {
    ...document,
    _id: document._id,
    _type: document._type,
    _createdAt: before?._createdAt ?? timestamp,
    _updatedAt: timestamp,
    _rev: transactionId,
  }
}

function checkRevision(document: SanityDocument, ifRevisionID: string | undefined): void {
  if (ifRevisionID === undefined || document._rev === ifRevisionID) return
  throw new LakeError(
    409,
    'mutationError',
    `Document "${document._id}" has unexpected revision ID ("${document._rev}"), expected "${ifRevisionID}"`,
  )
}

/** Document ids: letters, digits, `_`, `-` and dot-separated paths, at most 128 characters. */
function checkId(id: string): void {
  if (/^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/.test(id) && !id.includes('..')) return
  throw new LakeError(400, 'mutationError', `"${id}" is not a valid document ID`)
}
