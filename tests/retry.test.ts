import {describe, expect, test} from 'vitest'

import {isRetryable, type RetryOptions, statusOf, withRetries} from '../importer/write/retry'

/** A failed request as `@sanity/client` throws it: the status, and the response's headers. */
function httpError(status: number, headers: Record<string, string> = {}) {
  return Object.assign(new Error(`HTTP ${status}`), {
    statusCode: status,
    response: {statusCode: status, headers},
  })
}

/** A connection dropped before any answer: no status. */
function connectionReset() {
  return Object.assign(new Error('socket hang up'), {code: 'ECONNRESET'})
}

/**
 * Runs `withRetries` over an operation that throws `failures` in turn, then succeeds; returns
 * what it returned or threw, how many attempts it made, and the delays it asked to sleep.
 */
async function retrying(failures: readonly unknown[], options: Partial<RetryOptions> = {}) {
  let attempts = 0
  const delays: number[] = []
  const retries: [number, number][] = []
  const operation = async () => {
    const failure = failures[attempts]
    attempts++
    if (attempts <= failures.length) throw failure
    return 'written'
  }
  let result: unknown
  let thrown: unknown
  try {
    result = await withRetries(operation, {
      maxRetries: 8,
      random: () => 1,
      sleep: async (ms) => void delays.push(ms),
      onRetry: (_error, attempt, delay) => retries.push([attempt, delay]),
      ...options,
    })
  } catch (error) {
    thrown = error
  }
  return {result, thrown, attempts, delays, retries}
}

describe('withRetries: Retry-After', () => {
  test.each([
    {name: '1. Retry-After: 1', input: '1', output: 1000},
    {name: '2. Retry-After: 3', input: '3', output: 3000},
    {name: '3. Retry-After: 0', input: '0', output: 0},
    {name: '4. Retry-After: 1.5', input: '1.5', output: 1500},
  ])(
    'withRetries: a 429 with $name is retried after exactly that long',
    async ({input, output}) => {
      // With random() = 1 the backoff would be 250 ms: the wait asked for must be the server's.
      const run = await retrying([httpError(429, {'retry-after': input})])
      expect(run).toMatchObject({result: 'written', attempts: 2, delays: [output]})
    },
  )

  test('withRetries: each 429 waits its own Retry-After, not a growing backoff', async () => {
    const run = await retrying([
      httpError(429, {'retry-after': '2'}),
      httpError(429, {'retry-after': '2'}),
      httpError(429, {'retry-after': '5'}),
    ])
    expect(run).toMatchObject({result: 'written', attempts: 4, delays: [2000, 2000, 5000]})
    expect(run.retries).toEqual([
      [1, 2000],
      [2, 2000],
      [3, 5000],
    ])
  })

  test('withRetries: a 503 with Retry-After waits that long too', async () => {
    const run = await retrying([httpError(503, {'retry-after': '4'})])
    expect(run).toMatchObject({result: 'written', attempts: 2, delays: [4000]})
  })

  test('withRetries: a 429 without a usable Retry-After falls back to the backoff', async () => {
    const run = await retrying([
      httpError(429),
      httpError(429, {'retry-after': 'soon'}),
      httpError(429, {'retry-after': '-1'}),
    ])
    expect(run).toMatchObject({result: 'written', attempts: 4, delays: [250, 500, 1000]})
  })
})

describe('withRetries: backoff', () => {
  test('withRetries: 5xx and dropped connections are retried with exponential backoff', async () => {
    const run = await retrying([
      httpError(500),
      httpError(502),
      connectionReset(),
      httpError(503),
      httpError(504),
    ])
    expect(run).toMatchObject({
      result: 'written',
      attempts: 6,
      delays: [250, 500, 1000, 2000, 4000],
    })
  })

  test('withRetries: the backoff doubles up to 30 s, and full jitter scales it by random()', async () => {
    const failures = Array.from({length: 10}, () => httpError(503))
    const top = await retrying(failures, {maxRetries: 10})
    expect(top.delays).toEqual([250, 500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000])
    const half = await retrying(failures, {maxRetries: 10, random: () => 0.5})
    expect(half.delays).toEqual([125, 250, 500, 1000, 2000, 4000, 8000, 15000, 15000, 15000])
    const none = await retrying(failures, {maxRetries: 10, random: () => 0})
    expect(none.delays).toEqual(Array(10).fill(0))
  })

  test('withRetries: baseDelay and maxDelay set the backoff', async () => {
    const failures = Array.from({length: 5}, () => connectionReset())
    const run = await retrying(failures, {baseDelay: 100, maxDelay: 500})
    expect(run.delays).toEqual([100, 200, 400, 500, 500])
  })
})

describe('withRetries: the retry budget', () => {
  test.each([
    {name: '1. maxRetries 0', input: 0, output: {attempts: 1, delays: []}},
    {name: '2. maxRetries 1', input: 1, output: {attempts: 2, delays: [250]}},
    {name: '3. maxRetries 3', input: 3, output: {attempts: 4, delays: [250, 500, 1000]}},
    {
      name: '4. maxRetries 8',
      input: 8,
      output: {attempts: 9, delays: [250, 500, 1000, 2000, 4000, 8000, 16000, 30000]},
    },
  ])(
    'withRetries: $name: a request that always fails is attempted maxRetries + 1 times',
    async ({input, output}) => {
      const failures = Array.from({length: 20}, (_, index) => httpError(503 - (index % 2) * 3))
      const run = await retrying(failures, {maxRetries: input})
      expect({attempts: run.attempts, delays: run.delays}).toEqual(output)
      // The error thrown is the last attempt's, unchanged.
      expect(run.thrown).toBe(failures[input])
    },
  )

  test('withRetries: a request that succeeds on its last allowed attempt succeeds', async () => {
    const run = await retrying([httpError(429, {'retry-after': '1'}), httpError(500)], {
      maxRetries: 2,
    })
    expect(run).toMatchObject({result: 'written', attempts: 3, delays: [1000, 500]})
  })

  test.each([
    {name: '1. 409 conflict', input: httpError(409)},
    {name: '2. 400 bad request', input: httpError(400)},
    {name: '3. 403 forbidden', input: httpError(403)},
    {name: '4. 413 too large', input: httpError(413, {'retry-after': '1'})},
  ])('withRetries: a $name is thrown at once, never retried', async ({input}) => {
    const run = await retrying([input])
    expect(run).toMatchObject({thrown: input, attempts: 1, delays: []})
  })
})

describe('isRetryable and statusOf', () => {
  test.each([
    {name: '1. 429', input: httpError(429), output: {status: 429, retryable: true}},
    {name: '2. 500', input: httpError(500), output: {status: 500, retryable: true}},
    {name: '3. 503', input: httpError(503), output: {status: 503, retryable: true}},
    {name: '4. connection reset', input: connectionReset(), output: {retryable: true}},
    {name: '5. 409', input: httpError(409), output: {status: 409, retryable: false}},
    {name: '6. 404', input: httpError(404), output: {status: 404, retryable: false}},
  ])('isRetryable: $name', ({input, output}) => {
    expect({status: statusOf(input), retryable: isRetryable(input)}).toEqual(output)
  })
})
