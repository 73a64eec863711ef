import {hash, randomUUID} from 'node:crypto'

import type {SanityDocument} from '@sanity/client'

import {actionToMutations} from '../actions/actionToMutations'
import {createViewCache} from '../query/createViewCache'
import type {Perspective} from '../query/perspectiveDocuments'
import {createQueryPool, type QueryPoolOptions} from '../query/queryPool'
import {isBounded, parseQuery, runQuery} from '../query/runQuery'
import {LakeError} from '../shared/LakeError'
import {applyMutations} from '../store/applyMutations'
import {stampedJson} from '../store/journalEntry'
import type {DocumentBody, DocumentChange, LakeMutation, MutationResult} from '../store/mutations'
import type {LakeStore} from '../store/openLakeStore'

/** A committed transaction, as listeners receive it. */
export interface CommittedTransaction {
  transactionId: string
  timestamp: string
  /** The mutations the transaction applied (actions are translated to mutations). */
  mutations: LakeMutation[]
  changes: DocumentChange[]
}

/** Largest query text: one this long still parses in seconds, and no real query comes near. */
const MAX_QUERY_BYTES = 256 * 1024
/** Longest query parsed on the lake's event loop (in milliseconds); longer ones parse in a worker. */
const MAX_INLINE_QUERY_LENGTH = 8 * 1024

/** How many recent transaction ids the lake remembers to recognise a retried request. */
const REMEMBERED_TRANSACTIONS = 10_000

/**
 * An applied transaction as remembered to answer a retry: its results and a hash of the request
 * that made it — not its documents, which thousands of remembered transactions would hold.
 */
interface RememberedTransaction {
  results: MutationResult[]
  fingerprint: string
}

/** How a transaction is named and whether it is only tried. */
export interface TransactionOptions {
  transactionId?: string
  dryRun?: boolean
  /**
   * Identifies the request's content, to tell a retry (the same content under the same id) from
   * a reused id: the HTTP layer passes a digest of the body as received. Without one, the
   * parsed request is serialised and hashed.
   */
  fingerprint?: string
  /**
   * A created document's JSON as the request carried it, by the body parsed from it, when the
   * HTTP layer knows it: the journal records it as it came instead of serialising it again.
   */
  receivedJson?: (body: DocumentBody) => Uint8Array | undefined
}

/** The Content Lake's operations over one dataset, independent of HTTP. */
export interface Lake {
  query: (
    query: string,
    params: Record<string, unknown>,
    perspective: Perspective,
  ) => Promise<unknown>
  getDocuments: (ids: readonly string[]) => {
    documents: SanityDocument[]
    omitted: {id: string; reason: 'existence'}[]
  }
  mutate: (
    mutations: readonly LakeMutation[],
    options?: TransactionOptions,
  ) => Promise<{
    transactionId: string
    results: MutationResult[]
    documents: (SanityDocument | null)[]
  }>
  actions: (
    actions: readonly unknown[],
    options?: TransactionOptions,
  ) => Promise<{transactionId: string}>
  /** Calls `listener` after each committed transaction; returns the unsubscribe function. */
  subscribe: (listener: (transaction: CommittedTransaction) => void) => () => void
  /** Stops the query workers. */
  close: () => Promise<void>
}

/**
 * Builds the lake over a store: GROQ queries through groq-js under a perspective, and writes as
 * transactions applied one at a time, all or nothing, durable before they are acknowledged.
 * Queries read a per-perspective view of the documents, indexed by `_id`, `_type` and
 * `slug.current`, which follows each write (see `createViewCache`).
 *
 * @param store - the dataset's documents and journal
 * @param clock - the current time (injected for tests)
 * @returns the lake
 */
export function createLake(
  store: LakeStore,
  clock: () => Date = () => new Date(),
  queries: QueryPoolOptions = {},
): Lake {
  const pool = createQueryPool(() => store.documents(), queries)
  const listeners = new Set<(transaction: CommittedTransaction) => void>()
  let queue: Promise<unknown> = Promise.resolve()
  const applied = new Map<string, RememberedTransaction>()
  const views = createViewCache(() => store.documents())
  const remember = (transactionId: string, remembered: RememberedTransaction) => {
    applied.set(transactionId, remembered)
    const oldest = applied.keys().next().value
    if (applied.size > REMEMBERED_TRANSACTIONS && oldest !== undefined) applied.delete(oldest)
  }
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task)
    queue = run.catch(() => undefined)
    return run
  }

  const transact = (
    options: TransactionOptions,
    request: unknown,
    build: (get: (id: string) => SanityDocument | undefined) => {
      mutations: LakeMutation[]
      results: MutationResult[]
      changes: DocumentChange[]
      /** For a document a create wrote last, the body it wrote (see `applyMutations`). */
      createdFrom?: ReadonlyMap<string, DocumentBody>
    },
  ) =>
    serially(async () => {
      const transactionId = options.transactionId ?? randomUUID()
      // A retried request (its response lost on the way) must not apply twice: the same
      // transaction id gets the first outcome back. The same id on another request is a client
      // error, not a retry, and must not pass for one.
      const fingerprint = options.fingerprint ?? hash('sha256', JSON.stringify(request), 'hex')
      const earlier = applied.get(transactionId)
      if (earlier && earlier.fingerprint !== fingerprint) {
        throw new LakeError(
          409,
          'conflict',
          `Transaction ID "${transactionId}" was already used for another transaction`,
        )
      }
      if (earlier) return {transactionId, mutations: [], results: earlier.results, changes: []}
      const timestamp = clock().toISOString()
      const outcome = build((id) => store.get(id))
      if (!options.dryRun && outcome.changes.length > 0) {
        const written = outcome.changes.map(({id, after}) => ({id, after}))
        const journalled = written.map(({id, after}) => {
          const body = outcome.createdFrom?.get(id)
          const received = body && options.receivedJson?.(body)
          const json = received && after && stampedJson(received, body, after)
          return json ? {id, after, json} : {id, after}
        })
        try {
          await store.commit({transactionId, timestamp, documents: journalled})
        } catch (error) {
          // The store may have changed before the commit failed (compacting): build afresh.
          views.invalidate()
          throw error
        }
        views.apply(written)
        const transaction = {
          transactionId,
          timestamp,
          mutations: outcome.mutations,
          changes: outcome.changes,
        }
        pool.apply(written)
        // The write is committed: whatever a listener does, the writer hears it succeeded.
        for (const listener of listeners) {
          try {
            listener(transaction)
          } catch {
            // One listener's failure is its own; the others still hear of the transaction.
          }
        }
        remember(transactionId, {results: outcome.results, fingerprint})
      }
      return {transactionId, ...outcome}
    })

  const stampFor = (transactionId: string) => ({
    transactionId,
    timestamp: clock().toISOString(),
    newId: () => randomUUID(),
  })

  return {
    query: async (query, params, perspective) => {
      if (Buffer.byteLength(query) > MAX_QUERY_BYTES) {
        throw new LakeError(
          413,
          'queryTooLarge',
          `Queries are limited to ${MAX_QUERY_BYTES / 1024} KB`,
        )
      }
      // A short query that reads a bounded number of documents is answered at once; any other
      // may take long (parsing a long query alone does), so it runs in a worker.
      if (query.length <= MAX_INLINE_QUERY_LENGTH) {
        const tree = parseQuery(query, params)
        const view = views.view(perspective)
        if (isBounded(tree, params, view)) return runQuery(tree, params, view)
      }
      return pool.query(query, params, perspective)
    },
    getDocuments: (ids) => {
      const documents: SanityDocument[] = []
      const omitted: {id: string; reason: 'existence'}[] = []
      for (const id of ids) {
        const document = store.get(id)
        if (document) documents.push(document)
        else omitted.push({id, reason: 'existence'})
      }
      return {documents, omitted}
    },
    mutate: async (mutations, options = {}) => {
      const transactionId = options.transactionId ?? randomUUID()
      const outcome = await transact({...options, transactionId}, mutations, (get) => ({
        mutations: [...mutations],
        ...applyMutations(mutations, get, stampFor(transactionId)),
      }))
      const after = new Map(outcome.changes.map((change) => [change.id, change.after]))
      const documents = outcome.results.map(
        (result) => after.get(result.id) ?? store.get(result.id) ?? null,
      )
      return {transactionId, results: outcome.results, documents}
    },
    actions: async (actions, options = {}) => {
      const transactionId = options.transactionId ?? randomUUID()
      await transact({...options, transactionId}, actions, (get) =>
        runActions(actions, get, stampFor(transactionId)),
      )
      return {transactionId}
    },
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close: () => pool.close(),
  }
}

/** Applies actions one after another, each seeing what the previous ones did. */
function runActions(
  actions: readonly unknown[],
  get: (id: string) => SanityDocument | undefined,
  stamp: ReturnType<() => {transactionId: string; timestamp: string; newId: () => string}>,
) {
  const changes = new Map<string, DocumentChange>()
  const view = (id: string) => (changes.has(id) ? (changes.get(id)?.after ?? undefined) : get(id))
  const mutations: LakeMutation[] = []
  const results: MutationResult[] = []
  for (const action of actions) {
    const translated = actionToMutations(action, view)
    const outcome = applyMutations(translated, view, stamp)
    mutations.push(...translated)
    results.push(...outcome.results)
    for (const change of outcome.changes) {
      const first = changes.get(change.id)
      changes.set(change.id, {
        id: change.id,
        before: first ? first.before : change.before,
        after: change.after,
      })
    }
  }
  return {mutations, results, changes: [...changes.values()]}
}
