import {mkdtemp} from 'node:fs/promises'
import {request as httpRequest} from 'node:http'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterEach, describe, expect, test} from 'vitest'

import {
  type CommittedTransaction,
  parseFaults,
  type RequestLogEntry,
  type RunningLake,
  startLake,
} from '../lake'

const MUTATE = '/v2025-02-19/data/mutate/production'
const QUERY = '/v2025-02-19/data/query/production'
const CLOCK = () => new Date('2024-08-17T00:00:00.000Z')

let lake: RunningLake | undefined

afterEach(async () => {
  await lake?.close()
  lake = undefined
})

/** A lake with a fault plan and the rolls it will draw, in order (then none that faults). */
async function faultyLake(spec: string, rolls: number[]) {
  const data = join(await mkdtemp(join(tmpdir(), 'newsroom-lake-faults-')), 'production.ndjson')
  const requests: RequestLogEntry[] = []
  const committed: CommittedTransaction[] = []
  lake = await startLake({
    data,
    port: 0,
    clock: CLOCK,
    faults: parseFaults(spec),
    random: () => rolls.shift() ?? 0.999,
    requestLog: (entry) => requests.push(entry),
  })
  lake.lake.subscribe((transaction) => committed.push(transaction))
  return {url: lake.url, requests, committed}
}

interface Answer {
  status: number
  headers: Record<string, unknown>
  body: string
}

/**
 * One HTTP/1.1 request on a connection of its own, as the importer's client sends it. Rejects
 * with the socket's error when the connection ends without an answer.
 */
function send(url: string, options: {method?: string; body?: string} = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: options.method ?? 'GET',
        agent: false,
        headers: options.body === undefined ? {} : {'Content-Type': 'application/json'},
      },
      (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (body += chunk))
        response.on('end', () =>
          resolve({status: response.statusCode ?? 0, headers: response.headers, body}),
        )
        response.on('error', reject)
      },
    )
    request.on('error', reject)
    request.end(options.body)
  })
}

const createNote = JSON.stringify({
  transactionId: 'tx-note',
  mutations: [{create: {_id: 'note-1', _type: 'note', title: 'Once'}}],
})

/** The notes, read over a fresh connection. */
async function notes(url: string): Promise<unknown> {
  const query = encodeURIComponent('*[_type == "note"]{_id, title, _rev}')
  const answer = await send(`${url}${QUERY}?query=${query}&perspective=raw`)
  expect(answer.status).toBe(200)
  const body: unknown = JSON.parse(answer.body)
  return typeof body === 'object' && body !== null && 'result' in body ? body.result : body
}

describe('withFaults: a lake that fails on purpose (LAKE_FAULTS)', () => {
  test('withFaults: reset carries the mutation out, then drops the connection before any answer', async () => {
    const {url, requests, committed} = await faultyLake('reset:0.5', [0])
    const lost = send(`${url}${MUTATE}`, {method: 'POST', body: createNote})
    await expect(lost).rejects.toMatchObject({code: 'ECONNRESET'})
    expect(requests).toEqual([
      {time: expect.any(Number), method: 'POST', path: MUTATE, fault: 'reset'},
    ])
    expect(await notes(url)).toEqual([{_id: 'note-1', title: 'Once', _rev: 'tx-note'}])
    expect(committed.map((transaction) => transaction.transactionId)).toEqual(['tx-note'])
  })

  test('withFaults: the request sent again after a reset gets its first outcome, applied once', async () => {
    const {url, committed} = await faultyLake('reset:0.5', [0])
    await expect(send(`${url}${MUTATE}`, {method: 'POST', body: createNote})).rejects.toThrow()
    const retry = await send(`${url}${MUTATE}`, {method: 'POST', body: createNote})
    expect(retry.status).toBe(200)
    expect(JSON.parse(retry.body)).toEqual({
      transactionId: 'tx-note',
      results: [{id: 'note-1', operation: 'create'}],
    })
    expect(committed).toHaveLength(1)
    expect(await notes(url)).toEqual([{_id: 'note-1', title: 'Once', _rev: 'tx-note'}])
  })

  test('withFaults: a transaction id sent again with another body is a 409, and none of it applies', async () => {
    const {url, committed} = await faultyLake('reset:0.5', [0.9, 0.9])
    expect((await send(`${url}${MUTATE}`, {method: 'POST', body: createNote})).status).toBe(200)
    const reused = JSON.stringify({
      transactionId: 'tx-note',
      mutations: [{create: {_id: 'note-2', _type: 'note', title: 'Twice'}}],
    })
    const answer = await send(`${url}${MUTATE}`, {method: 'POST', body: reused})
    expect(answer.status).toBe(409)
    expect(answer.body).toContain(
      'Transaction ID \\"tx-note\\" was already used for another transaction',
    )
    expect(committed).toHaveLength(1)
    expect(await notes(url)).toEqual([{_id: 'note-1', title: 'Once', _rev: 'tx-note'}])
  })

  test('withFaults: reset:1 resets every data request, but nothing outside /data/', async () => {
    const {url} = await faultyLake('reset:1', [])
    await expect(send(`${url}${MUTATE}`, {method: 'POST', body: createNote})).rejects.toMatchObject(
      {code: 'ECONNRESET'},
    )
    await expect(send(`${url}${QUERY}?query=*[_id == "note-1"]`)).rejects.toMatchObject({
      code: 'ECONNRESET',
    })
    const me = await send(`${url}/v2025-02-19/users/me`)
    expect(me.status).toBe(200)
    expect(lake?.lake.getDocuments(['note-1']).documents).toMatchObject([
      {_id: 'note-1', _rev: 'tx-note'},
    ])
  })

  test.each([
    {
      fault: '429',
      status: 429,
      retryAfter: '1',
      error: {type: 'rateLimited', description: 'Too many requests'},
    },
    {
      fault: '500',
      status: 500,
      retryAfter: undefined,
      error: {type: 'internalError', description: 'Injected fault'},
    },
  ])(
    'withFaults: $fault is answered as JSON before anything is done',
    async ({fault, status, retryAfter, error}) => {
      const {url, requests, committed} = await faultyLake(`${fault}:0.5`, [0])
      const answer = await send(`${url}${MUTATE}`, {method: 'POST', body: createNote})
      expect(answer.status).toBe(status)
      expect(answer.headers['content-type']).toBe('application/json')
      expect(answer.headers['retry-after']).toBe(retryAfter)
      expect(JSON.parse(answer.body)).toEqual({error, statusCode: status})
      expect(requests.map((entry) => entry.fault)).toEqual([fault])
      expect(committed).toEqual([])
      expect(await notes(url)).toEqual([])
    },
  )

  test('withFaults: latency delays a data request by the planned milliseconds', async () => {
    const {url} = await faultyLake('latency:150-150', [])
    const started = performance.now()
    const answer = await send(`${url}${QUERY}?query=*[_id == "note-1"]`)
    expect(answer.status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
  })
})
