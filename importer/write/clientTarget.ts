import type {SanityClient} from '@sanity/client'

import {mapAsync} from '../../dataset/ndjson'
import type {ArticleWrite} from '../plan/planImport'
import {packInOrder} from '../shared/packInOrder'
import {articleMutationsJson, transactionIdFor} from './articleTransaction'
import type {ImportTarget} from './ImportTarget'
import {rateLimiter, type Sleep} from './rateLimiter'
import {statusOf, withRetries} from './retry'
import {findSlugOwners} from './slugOwners'

/** Document ids per `GET /data/doc` request, keeping its URL well under header limits. */
const IDS_PER_REQUEST = 100
/**
 * What a request body adds around its mutations: `{"mutations":[…],"transactionId":"import-…"}`
 * less the brackets, which the mutations' own JSON already counts.
 */
const REQUEST_ENVELOPE_BYTES =
  Buffer.byteLength(JSON.stringify({mutations: [], transactionId: transactionIdFor([])})) - 2

/** How the target talks to the Content Lake. */
export interface ClientTargetOptions {
  /** Most mutation requests a second (the hosted lake allows 25); Infinity for no limit. */
  rate?: number
  /** Retries of a failed request before the run fails. */
  maxRetries?: number
  /** Requests in flight at once. */
  concurrency?: number
  /** Largest request body, in bytes (default 256 KiB), well under the hosted lake's ~4 MB. */
  requestBudget?: number
  random?: () => number
  sleep?: Sleep
  /** Hears about each retry, for the report. */
  onRetry?: (error: unknown, attempt: number, delay: number) => void
  /** Hears about each mutation request as it starts, with the time the rate limit let it go. */
  onSend?: (time: number) => void
}

/**
 * A Content Lake reached through `@sanity/client`: the local lake or a hosted project. Each
 * article is one transaction with what it needs; transactions are packed into requests up to a
 * byte budget and sent a few at a time, under a rate limit, retried with backoff (and the
 * server's `Retry-After`) on 429, 5xx and dropped connections. A request's transaction id is
 * derived from its content, so a retry is recognised instead of applied twice. An article
 * whose revision changed since it was read (409) is left alone and reported kept.
 *
 * @param client - a client with write access to the dataset
 * @param description - where it writes, for the report
 * @param options - rate, retries, concurrency and request size
 * @returns the target
 */
export function clientTarget(
  client: SanityClient,
  description: string,
  options: ClientTargetOptions = {},
): ImportTarget {
  const {rate = 20, maxRetries = 8, concurrency = 4, requestBudget = 256 * 1024} = options
  const limiter = Number.isFinite(rate) ? rateLimiter(rate, Date.now, options.sleep) : undefined
  const retryOptions = {
    maxRetries,
    ...(options.random ? {random: options.random} : {}),
    ...(options.sleep ? {sleep: options.sleep} : {}),
    ...(options.onRetry ? {onRetry: options.onRetry} : {}),
  }
  const {dataset} = client.config()
  const send = (request: readonly Transaction[]) => {
    const transactionId = transactionIdFor(request.map((transaction) => transaction.json))
    // The body is assembled from each article's JSON, made once when it was packed: the same
    // bytes `client.mutate` would send, without serialising and measuring them again.
    const body = Buffer.concat([
      BODY_START,
      ...request.flatMap(({json}, index) => {
        const mutations = json.subarray(1, json.length - 1)
        return index === 0 ? [mutations] : [COMMA, mutations]
      }),
      Buffer.from(`],"transactionId":${JSON.stringify(transactionId)}}`),
    ])
    return withRetries(async () => {
      // Taken before `onSend`, whose optional call would skip evaluating its argument.
      const sentAt = (await limiter?.acquire()) ?? Date.now()
      options.onSend?.(sentAt)
      await client.request({
        uri: `/data/mutate/${dataset}`,
        method: 'POST',
        headers: {'content-type': 'application/json'},
        query: {returnIds: 'true', returnDocuments: 'false', visibility: 'sync'},
        body,
      })
    }, retryOptions)
  }

  return {
    description,
    writesAsTheyCome: true,
    load: async (ids) => {
      const wanted = [...new Set(ids.flatMap((id) => [id, `drafts.${id}`]))]
      // Ids travel in the URL, so they go a hundred at a time; the requests go side by side,
      // since each may wait behind the writes the lake is applying.
      const chunks: string[][] = []
      for (let start = 0; start < wanted.length; start += IDS_PER_REQUEST) {
        chunks.push(wanted.slice(start, start + IDS_PER_REQUEST))
      }
      const loaded = await Promise.all(
        chunks.map((chunk) => withRetries(() => client.getDocuments(chunk), retryOptions)),
      )
      return loaded.flat().filter((document) => document !== null)
    },
    slugOwners: (slugs) =>
      findSlugOwners(slugs, (query, params) =>
        withRetries(() => client.fetch<unknown>(query, params, {perspective: 'raw'}), retryOptions),
      ),
    commit: async (
      writes: AsyncIterable<ArticleWrite>,
      _timestamp: string,
      signal?: AbortSignal,
    ) => {
      const transactions = mapAsync(writes, (write): Transaction => ({
        id: write.article._id,
        json: articleMutationsJson(write),
      }))
      // Workers share one generator: each pulls the next packed request when it is free.
      const requests = packInOrder(
        transactions,
        requestBudget - REQUEST_ENVELOPE_BYTES,
        ({json}) => json.byteLength,
      )
      const kept = new Set<string>()
      const sendRequest = async (request: Transaction[]) => {
        try {
          await send(request)
        } catch (error) {
          if (statusOf(error) !== 409) throw error
          // Someone changed an article meanwhile: send the request's articles one by one, so
          // only the changed ones are left out.
          if (request.length === 1) kept.add(request[0]?.id ?? '')
          else for (const transaction of request) await sendRequest([transaction])
        }
      }
      const unwritten = new Set<string>()
      const worker = async () => {
        for (;;) {
          const next = await requests.next()
          if (next.done) return
          // Interrupted: what is under way finishes, nothing new starts.
          if (signal?.aborted) for (const transaction of next.value) unwritten.add(transaction.id)
          else await sendRequest(next.value)
        }
      }
      await Promise.all(Array.from({length: concurrency}, worker))
      return {kept, unwritten}
    },
  }
}

interface Transaction {
  id: string
  /** The article's mutations as UTF-8 JSON, made once: it sizes the request, names it and is sent. */
  json: Buffer
}

const BODY_START = Buffer.from('{"mutations":[')
const COMMA = Buffer.from(',')
