import {afterEach, describe, expect, test} from 'vitest'

import type {ArticleWrite} from '../importer'
import {
  articleMutations,
  type Mutation,
  transactionIdFor,
} from '../importer/write/articleTransaction'
import {clientTarget, type ClientTargetOptions} from '../importer/write/clientTarget'
import {localClient} from '../lake'
import {type FakeAnswer, type FakeLake, type FakeRequest, startFakeLake} from './support/fakeLake'

const KIB = 1024
const NOW = '2024-08-17T00:00:00.000Z'
const OK = {status: 200}

let lake: FakeLake | undefined
afterEach(async () => {
  await lake?.close()
  lake = undefined
})

/** An article write whose mutations are exactly `bytes` bytes of JSON. */
function articleOfBytes(id: string, bytes: number): ArticleWrite {
  const write = (title: string): ArticleWrite => ({
    article: {
      _id: id,
      _type: 'article',
      title,
      slug: {_type: 'slug', current: id},
      byline: {_type: 'byline', authors: [], agencies: []},
      sections: [],
    },
    createIfMissing: [],
  })
  const empty = mutationBytes(articleMutations(write('')))
  const made = write('x'.repeat(bytes - empty))
  if (mutationBytes(articleMutations(made)) !== bytes)
    throw new Error(`articleOfBytes(): cannot make ${id} ${bytes} bytes`)
  return made
}

function mutationBytes(mutations: readonly Mutation[]): number {
  return Buffer.byteLength(JSON.stringify(mutations))
}

async function* stream<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items
}

/**
 * A client target writing to a fake lake that answers mutation requests as `answer` says, with
 * no rate limit, `random()` = 1 (so each backoff is its whole range) and a sleep that records
 * what it is asked to wait and returns at once.
 */
async function targetAnswering(
  answer: (request: FakeRequest, previous: number) => FakeAnswer,
  options: ClientTargetOptions = {},
) {
  const started = await startFakeLake(answer)
  lake = started
  const sleeps: number[] = []
  const target = clientTarget(localClient(started.url, {maxRetries: 0}), started.url, {
    rate: Number.POSITIVE_INFINITY,
    random: () => 1,
    sleep: async (ms) => void sleeps.push(ms),
    ...options,
  })
  const mutateRequests = () =>
    started.requests.filter((request) => request.path.startsWith('/data/mutate/'))
  return {target, sleeps, lake: started, mutateRequests}
}

/** Mutation requests answered in turn from `script`, then 200 OK. */
function mutationsAnswered(script: readonly FakeAnswer[]) {
  return (request: FakeRequest, previous: number): FakeAnswer =>
    request.path.startsWith('/data/mutate/') ? (script[previous] ?? OK) : OK
}

/** Commits writes and returns how it ended: resolved, or the error it rejected with. */
async function commit(target: ReturnType<typeof clientTarget>, writes: readonly ArticleWrite[]) {
  try {
    return {result: await target.commit(stream(writes), NOW)}
  } catch (error) {
    return {error}
  }
}

describe('clientTarget: --rate', () => {
  test('clientTarget: at a rate of 1 a second with no onSend, the second request waits for the next second', async () => {
    const waited: number[] = []
    const {target, mutateRequests} = await targetAnswering(() => OK, {
      rate: 1,
      concurrency: 2,
      requestBudget: 1 * KIB,
      sleep: async (ms) => {
        waited.push(ms)
        await new Promise((resolve) => setTimeout(resolve, ms))
      },
    })
    const writes = [articleOfBytes('article-a', 600), articleOfBytes('article-b', 600)]
    expect(await commit(target, writes)).toHaveProperty('result')
    const [first, second] = mutateRequests()
    expect(mutateRequests()).toHaveLength(2)
    // It waited for the second to end (a timer can wake a millisecond early and wait again).
    expect(waited.length).toBeGreaterThanOrEqual(1)
    expect((second?.time ?? 0) - (first?.time ?? 0)).toBeGreaterThanOrEqual(950)
  })
})

describe('clientTarget: Retry-After', () => {
  test('clientTarget: a mutation answered 429 with Retry-After: 3 is sent again after the 3 s asked, unchanged', async () => {
    const {target, sleeps, mutateRequests} = await targetAnswering(
      mutationsAnswered([{status: 429, headers: {'retry-after': '3'}}]),
    )
    const outcome = await commit(target, [articleOfBytes('article-a', 500)])
    expect(outcome).toEqual({result: {kept: new Set(), unwritten: new Set()}})
    // The backoff would have been 250 ms: the wait is the server's.
    expect(sleeps).toEqual([3000])
    const [first, second] = mutateRequests()
    expect(mutateRequests()).toHaveLength(2)
    // The same body, transaction id included, so the lake can recognise a retry.
    expect(second?.body).toBe(first?.body)
  })

  test('clientTarget: each 429 waits its own Retry-After', async () => {
    const {target, sleeps, mutateRequests} = await targetAnswering(
      mutationsAnswered([
        {status: 429, headers: {'retry-after': '1'}},
        {status: 429, headers: {'retry-after': '7'}},
        {status: 429, headers: {'retry-after': '2'}},
      ]),
    )
    expect(await commit(target, [articleOfBytes('article-a', 500)])).toHaveProperty('result')
    expect(sleeps).toEqual([1000, 7000, 2000])
    expect(mutateRequests()).toHaveLength(4)
  })

  test('clientTarget: with the real clock, a 429 with Retry-After: 1 is sent again a second later, not earlier', async () => {
    const started = await startFakeLake(
      mutationsAnswered([{status: 429, headers: {'retry-after': '1'}}]),
    )
    lake = started
    const target = clientTarget(localClient(started.url, {maxRetries: 0}), started.url, {
      rate: Number.POSITIVE_INFINITY,
      random: () => 1,
    })
    await target.commit(stream([articleOfBytes('article-a', 500)]), NOW)
    const [first, second] = started.requests.filter(({path}) => path.startsWith('/data/mutate/'))
    expect(started.requests.filter(({path}) => path.startsWith('/data/mutate/'))).toHaveLength(2)
    const gap = (second?.time ?? 0) - (first?.time ?? 0)
    expect(gap).toBeGreaterThanOrEqual(1000)
    expect(gap).toBeLessThan(1500)
  })
})

describe('clientTarget: backoff', () => {
  test('clientTarget: 500, 502, 503 and a dropped connection are retried with exponential backoff', async () => {
    const {target, sleeps, mutateRequests} = await targetAnswering(
      mutationsAnswered([{status: 500}, {status: 502}, 'drop', {status: 503}]),
    )
    expect(await commit(target, [articleOfBytes('article-a', 500)])).toHaveProperty('result')
    expect(sleeps).toEqual([250, 500, 1000, 2000])
    const bodies = mutateRequests().map(({body}) => body)
    expect(bodies).toHaveLength(5)
    expect(new Set(bodies).size).toBe(1)
  })

  test('clientTarget: a 409 or a 400 is not retried', async () => {
    const conflict = await targetAnswering(mutationsAnswered([{status: 409}]))
    expect(await commit(conflict.target, [articleOfBytes('article-a', 500)])).toEqual({
      result: {kept: new Set(['article-a']), unwritten: new Set()},
    })
    expect(conflict.mutateRequests()).toHaveLength(1)
    expect(conflict.sleeps).toEqual([])
    await conflict.lake.close()

    const refused = await targetAnswering(mutationsAnswered([{status: 400}]))
    const outcome = await commit(refused.target, [articleOfBytes('article-a', 500)])
    expect(outcome.error).toMatchObject({statusCode: 400})
    expect(refused.mutateRequests()).toHaveLength(1)
    expect(refused.sleeps).toEqual([])
  })
})

describe('clientTarget: --max-retries', () => {
  const alwaysBusy = (request: FakeRequest): FakeAnswer =>
    request.path.startsWith('/data/mutate/') ? {status: 503} : OK

  test.each([
    {name: '1. maxRetries 0', input: 0, output: {sent: 1, sleeps: []}},
    {name: '2. maxRetries 1', input: 1, output: {sent: 2, sleeps: [250]}},
    {name: '3. maxRetries 3', input: 3, output: {sent: 4, sleeps: [250, 500, 1000]}},
    {
      name: '4. the default, 8',
      input: undefined,
      output: {sent: 9, sleeps: [250, 500, 1000, 2000, 4000, 8000, 16000, 30000]},
    },
  ])(
    'clientTarget: $name: a mutation that always fails is sent maxRetries + 1 times, then the commit fails',
    async ({input, output}) => {
      const {target, sleeps, mutateRequests} = await targetAnswering(
        alwaysBusy,
        input === undefined ? {} : {maxRetries: input},
      )
      const outcome = await commit(target, [articleOfBytes('article-a', 500)])
      expect(outcome.error).toMatchObject({
        statusCode: 503,
        message: 'Service Unavailable - answered by the fake lake',
      })
      expect({sent: mutateRequests().length, sleeps}).toEqual(output)
    },
  )

  test('clientTarget: a read answered 500 is sent maxRetries + 1 times', async () => {
    const {
      target,
      sleeps,
      lake: started,
    } = await targetAnswering(() => ({status: 500}), {
      maxRetries: 2,
    })
    await expect(target.load(['article-a'])).rejects.toMatchObject({statusCode: 500})
    await expect(target.slugOwners(['a'])).rejects.toMatchObject({statusCode: 500})
    expect(started.requests.map(({method, path}) => `${method} ${path}`)).toEqual([
      ...Array(3).fill('GET /data/doc/production/article-a,drafts.article-a'),
      ...Array(3).fill('GET /data/query/production'),
    ])
    expect(sleeps).toEqual([250, 500, 250, 500])
  })

  // The client is made without retries of its own, as the importer makes it: otherwise it would
  // retry such a read itself, on its own backoff, before the target hears of the failure.
  test('clientTarget: a read answered 429 is sent again once its Retry-After has passed, within maxRetries', async () => {
    const {
      target,
      sleeps,
      lake: started,
    } = await targetAnswering(
      (_request, previous) => (previous === 0 ? {status: 429, headers: {'retry-after': '2'}} : OK),
      {maxRetries: 1},
    )
    expect(await target.load(['article-a'])).toEqual([])
    expect(await target.slugOwners(['a'])).toEqual(new Map())
    expect(started.requests.map(({method, path}) => `${method} ${path}`)).toEqual([
      ...Array(2).fill('GET /data/doc/production/article-a,drafts.article-a'),
      ...Array(2).fill('GET /data/query/production'),
    ])
    expect(sleeps).toEqual([2000, 2000])
  })
})

describe('clientTarget: requests of at most 256 KiB', () => {
  /** The mutation requests' article ids, in the order they arrived. */
  function articleIds(requests: readonly FakeRequest[]): string[][] {
    return requests.map((request) => {
      const body: unknown = JSON.parse(request.body)
      if (!isMutateBody(body)) throw new Error(`not a mutation request: ${request.body}`)
      return body.mutations.flatMap((mutation) =>
        'create' in mutation && mutation.create._type === 'article' ? [mutation.create._id] : [],
      )
    })
  }

  test('clientTarget: writes are packed into requests of at most 256 KiB, in order, none split; one larger travels alone', async () => {
    const {target, mutateRequests} = await targetAnswering(() => OK, {concurrency: 1})
    const writes = Array.from({length: 60}, (_, index) =>
      articleOfBytes(`article-${index}`, index === 30 ? 300 * KIB : 20 * KIB),
    )
    expect(await commit(target, writes)).toHaveProperty('result')
    const range = (from: number, to: number) =>
      Array.from({length: to - from}, (_, index) => `article-${from + index}`)
    // Twelve of 20 KiB make 240 KiB; a thirteenth would pass 256 KiB.
    expect(articleIds(mutateRequests())).toEqual([
      range(0, 12),
      range(12, 24),
      range(24, 30),
      range(30, 31),
      range(31, 43),
      range(43, 55),
      range(55, 60),
    ])
    for (const [index, request] of mutateRequests().entries()) {
      const bytes = Buffer.byteLength(request.body)
      if (index === 3) expect(bytes).toBeGreaterThan(300 * KIB)
      else expect(bytes).toBeLessThanOrEqual(256 * KIB)
    }
    // Each request is the articles' transactions, under an id derived from them.
    const [first] = mutateRequests()
    const articles = writes.slice(0, 12).map(articleMutations)
    const mutations = articles.flat()
    const transactionId = transactionIdFor(articles.map((each) => JSON.stringify(each)))
    expect(first?.body).toBe(JSON.stringify({mutations, transactionId}))
  })

  test('clientTarget: two writes of 256 KiB and one byte of mutations go in two requests', async () => {
    const {target, mutateRequests} = await targetAnswering(() => OK, {concurrency: 1})
    const writes = [
      articleOfBytes('article-a', 128 * KIB),
      articleOfBytes('article-b', 128 * KIB + 1),
    ]
    expect(await commit(target, writes)).toHaveProperty('result')
    expect(articleIds(mutateRequests())).toEqual([['article-a'], ['article-b']])
    for (const request of mutateRequests())
      expect(Buffer.byteLength(request.body)).toBeLessThanOrEqual(256 * KIB)
  })

  test('clientTarget: requestBudget sets the largest request', async () => {
    const {target, mutateRequests} = await targetAnswering(() => OK, {
      concurrency: 1,
      requestBudget: 64 * KIB,
    })
    const writes = Array.from({length: 10}, (_, index) =>
      articleOfBytes(`article-${index}`, 20 * KIB),
    )
    expect(await commit(target, writes)).toHaveProperty('result')
    expect(articleIds(mutateRequests()).map((ids) => ids.length)).toEqual([3, 3, 3, 1])
  })

  // The request body wraps the mutations in `{"mutations":…,"transactionId":"import-…"}`, which
  // counts towards the limit too.
  test('clientTarget: two writes of 128 KiB of mutations each still make requests of at most 256 KiB', async () => {
    const {target, mutateRequests} = await targetAnswering(() => OK, {concurrency: 1})
    const writes = [articleOfBytes('article-a', 128 * KIB), articleOfBytes('article-b', 128 * KIB)]
    expect(await commit(target, writes)).toHaveProperty('result')
    expect(articleIds(mutateRequests()).flat()).toEqual(['article-a', 'article-b'])
    for (const request of mutateRequests())
      expect(Buffer.byteLength(request.body)).toBeLessThanOrEqual(256 * KIB)
  })
})

interface MutateBody {
  mutations: Mutation[]
  transactionId: string
}

function isMutateBody(value: unknown): value is MutateBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    'mutations' in value &&
    Array.isArray(value.mutations) &&
    'transactionId' in value &&
    typeof value.transactionId === 'string'
  )
}
