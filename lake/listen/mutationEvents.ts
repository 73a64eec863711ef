import type {SanityDocument} from '@sanity/client'
import {evaluateSync, type ExprNode, toJS} from 'groq-js'

import type {CommittedTransaction} from '../core/createLake'
import type {LakeMutation} from '../store/mutations'

/** What a listener asked for (`GET /data/listen` parameters). */
export interface ListenOptions {
  /** The listener's query, parsed once when it subscribed. */
  tree: ExprNode
  params: Record<string, unknown>
  includeResult: boolean
  includePreviousRevision: boolean
  includeMutations: boolean
  /** `effectFormat=mendoza`: include whole-document mendoza effects. */
  includeEffects: boolean
}

/** The body of one `mutation` server-sent event. */
export type MutationEvent = Record<string, unknown> & {eventId: string; documentId: string}

/**
 * The `mutation` events one listener gets for a committed transaction: one per changed document
 * its query matches before or after, with the transition, the chained revisions, the mutations
 * that touched the document and mendoza effects (whole-value replacements, which every mendoza
 * reader applies).
 *
 * @param transaction - the committed transaction
 * @param options - the listener's query and flags
 * @returns the events, in the transaction's document order
 */
export function mutationEvents(
  transaction: CommittedTransaction,
  options: ListenOptions,
): MutationEvent[] {
  const {tree, params} = options
  const matches = (document: SanityDocument | null) =>
    document !== null && hasResults(toJS(evaluateSync(tree, {dataset: [document], params})))
  const visible = transaction.changes.filter(
    (change) => matches(change.before) || matches(change.after),
  )
  return visible.map((change, index) => {
    const before = matches(change.before) ? change.before : null
    const after = matches(change.after) ? change.after : null
    const event: MutationEvent = {
      eventId: `${transaction.transactionId}#${change.id}`,
      documentId: change.id,
      transactionId: transaction.transactionId,
      transition: !before ? 'appear' : !after ? 'disappear' : 'update',
      identity: LOCAL_IDENTITY,
      resultRev: transaction.transactionId,
      timestamp: transaction.timestamp,
      visibility: 'query',
      transactionTotalEvents: visible.length,
      transactionCurrentEvent: index + 1,
    }
    if (change.before) event['previousRev'] = change.before._rev
    if (options.includeMutations)
      event['mutations'] = mutationsFor(change.id, transaction.mutations)
    if (options.includeEffects) {
      event['effects'] = {
        apply: [0, withoutRevision(change.after)],
        revert: [0, withoutRevision(change.before)],
      }
    }
    if (options.includeResult && change.after) event['result'] = change.after
    if (options.includePreviousRevision && change.before) event['previous'] = change.before
    return event
  })
}

/** The identity the local lake writes as. */
export const LOCAL_IDENTITY = 'pLocalUser'

function hasResults(value: unknown): boolean {
  return Array.isArray(value)
    ? value.length > 0
    : value !== null && value !== undefined && value !== false
}

function withoutRevision(document: SanityDocument | null): Record<string, unknown> | null {
  if (!document) return null
  const {_rev: _omit, ...rest} = document
  return rest
}

function mutationsFor(id: string, mutations: readonly LakeMutation[]): LakeMutation[] {
  return mutations.filter((mutation) => targetOf(mutation) === id)
}

function targetOf(mutation: LakeMutation): string | undefined {
  if ('create' in mutation) return mutation.create._id
  if ('createOrReplace' in mutation) return mutation.createOrReplace._id
  if ('createIfNotExists' in mutation) return mutation.createIfNotExists._id
  if ('delete' in mutation) return mutation.delete.id
  return mutation.patch.id
}
