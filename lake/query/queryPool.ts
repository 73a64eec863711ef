import {Worker} from 'node:worker_threads'

import type {SanityDocument} from '@sanity/client'

import {LakeError} from '../shared/LakeError'
import type {Perspective} from './perspectiveDocuments'
import {isWorkerReply, type ReplicaChange, type WorkerRequest} from './queryWorkerProtocol'

/** Queries run off the lake's event loop, each under a deadline. */
export interface QueryPool {
  /**
   * Parses and evaluates a query in a worker thread.
   *
   * @returns the result
   * @throws LakeError as the query's parse or evaluation fails, or 504 when it runs past the
   *   deadline (the worker running it is stopped)
   */
  query: (
    query: string,
    params: Record<string, unknown>,
    perspective: Perspective,
  ) => Promise<unknown>
  /** Tells every worker what a committed write changed, before any later query reaches it. */
  apply: (changes: readonly ReplicaChange[]) => void
  /** Stops every worker. */
  close: () => Promise<void>
}

/** How a pool runs its workers. */
export interface QueryPoolOptions {
  /** How long a query may run (20 s by default). */
  deadlineMs?: number
  /** Workers at once (4 by default): queries beyond wait for one to be free. */
  maxWorkers?: number
  /** How long a worker beyond the first may sit idle before it is stopped (30 s by default). */
  idleMs?: number
}

interface PooledWorker {
  worker: Worker
  /**
   * Claimed by a query: set the moment it is handed out, so two queries arriving together
   * never share a worker (one's reply would be taken for the other's).
   */
  busy: boolean
  /** The query it runs, if any: one at a time, so a slow one holds up no other. */
  running?: {id: number; settle: (reply: unknown) => void; timer: NodeJS.Timeout}
  idleTimer?: NodeJS.Timeout
}

const WORKER_ENTRY = new URL('./queryWorker.mjs', import.meta.url)

/**
 * A pool of query workers, each holding a replica of the documents: started with the store's
 * documents when first needed, and sent every write's changes in commit order, so a query sees
 * every write acknowledged before it. A query runs on an idle worker (a new one if none is idle
 * and the pool has room); one past the deadline ends with an error and its worker is stopped,
 * so no query can hold the lake or the others up.
 *
 * @param documents - reads every stored document, to start a worker's replica
 * @param options - the deadline, pool size and idle time
 * @returns the pool
 */
export function createQueryPool(
  documents: () => Iterable<SanityDocument>,
  options: QueryPoolOptions = {},
): QueryPool {
  const {deadlineMs = 20_000, maxWorkers = 4, idleMs = 30_000} = options
  const workers: PooledWorker[] = []
  const waiting: (() => void)[] = []
  let nextId = 0

  const retire = (pooled: PooledWorker) => {
    workers.splice(workers.indexOf(pooled), 1)
    clearTimeout(pooled.idleTimer)
    void pooled.worker.terminate()
  }
  const start = (): PooledWorker => {
    const worker = new Worker(WORKER_ENTRY)
    // Workers never keep the process alive: the lake's server does, while it serves.
    worker.unref()
    const pooled: PooledWorker = {worker, busy: false}
    const load: WorkerRequest = {
      kind: 'load',
      changes: [...documents()].map((document) => ({id: document._id, after: document})),
    }
    worker.postMessage(load)
    worker.on('message', (message: unknown) => {
      if (isWorkerReply(message) && pooled.running?.id === message.id)
        pooled.running.settle(message)
    })
    const fail = (error: Error) => {
      pooled.running?.settle({error: {type: 'queryError', description: error.message}})
      if (workers.includes(pooled)) retire(pooled)
    }
    worker.on('error', fail)
    worker.on('exit', () => fail(new Error('The query worker stopped')))
    workers.push(pooled)
    return pooled
  }
  const claim = async (): Promise<PooledWorker> => {
    for (;;) {
      const free =
        workers.find((pooled) => !pooled.busy) ??
        (workers.length < maxWorkers ? start() : undefined)
      if (free) {
        free.busy = true
        return free
      }
      await new Promise<void>((resolve) => waiting.push(resolve))
    }
  }
  const release = (pooled: PooledWorker) => {
    pooled.running = undefined
    pooled.busy = false
    waiting.shift()?.()
    if (workers.indexOf(pooled) > 0) {
      clearTimeout(pooled.idleTimer)
      pooled.idleTimer = setTimeout(() => !pooled.busy && retire(pooled), idleMs)
      pooled.idleTimer.unref()
    }
  }

  return {
    query: async (query, params, perspective) => {
      const pooled = await claim()
      clearTimeout(pooled.idleTimer)
      const id = nextId++
      const reply = await new Promise<unknown>((resolve) => {
        const timer = setTimeout(() => {
          // A worker stuck in a long evaluation cannot be interrupted: it is replaced.
          resolve({
            error: {
              type: 'queryTimeout',
              description: `The query ran longer than ${deadlineMs / 1000} s and was stopped`,
            },
            // Not 503: clients retry that, and would run the same query again and again.
            statusCode: 504,
          })
          retire(pooled)
        }, deadlineMs)
        pooled.running = {id, settle: resolve, timer}
        const request: WorkerRequest = {kind: 'query', id, query, params, perspective}
        pooled.worker.postMessage(request)
      })
      clearTimeout(pooled.running?.timer)
      if (workers.includes(pooled)) release(pooled)
      else waiting.shift()?.()
      return answer(reply)
    },
    apply: (changes) => {
      const request: WorkerRequest = {kind: 'apply', changes: [...changes]}
      for (const {worker} of workers) worker.postMessage(request)
    },
    close: async () => {
      await Promise.all(workers.splice(0).map(({worker}) => worker.terminate()))
    },
  }
}

/** The result of a worker's reply, or its error thrown as the Content Lake's. */
function answer(reply: unknown): unknown {
  if (typeof reply !== 'object' || reply === null) return reply
  if ('result' in reply) return reply.result
  if (!('error' in reply)) throw new LakeError(500, 'queryError', 'The query worker did not answer')
  const {error} = reply
  const statusCode =
    'statusCode' in reply && typeof reply.statusCode === 'number' ? reply.statusCode : 500
  const type =
    typeof error === 'object' && error !== null && 'type' in error
      ? String(error.type)
      : 'queryError'
  const description =
    typeof error === 'object' && error !== null && 'description' in error
      ? String(error.description)
      : 'The query failed'
  throw new LakeError(statusCode, type, description)
}
