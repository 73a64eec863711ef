import {mkdtemp} from 'node:fs/promises'
import {request as httpRequest} from 'node:http'
import {connect} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import type {SanityClient} from '@sanity/client'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'

import {type RunningLake, startLake} from '../lake'
import {localClient} from '../lake'

let lake: RunningLake
let client: SanityClient
let dataFile: string

beforeEach(async () => {
  dataFile = join(await mkdtemp(join(tmpdir(), 'newsroom-lake-security-')), 'production.ndjson')
  lake = await startLake({data: dataFile, port: 0})
  client = localClient(lake.url)
})

afterEach(() => lake.close())

const MUTATE = '/v2025-02-19/data/mutate/production'
const create = (id: string) => JSON.stringify({mutations: [{create: {_id: id, _type: 'note'}}]})

/** A raw HTTP/1.1 request, so that headers a browser or `fetch` would set can be forged. */
function send(
  path: string,
  options: {method?: string; headers?: Record<string, string>; body?: string} = {},
): Promise<{status: number; headers: Record<string, unknown>; body: string}> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${lake.url}${path}`,
      {method: options.method ?? 'GET', headers: options.headers ?? {}},
      (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (body += chunk))
        response.on('end', () =>
          resolve({status: response.statusCode ?? 0, headers: response.headers, body}),
        )
      },
    )
    request.on('error', reject)
    request.end(options.body)
  })
}

describe('who may talk to the local lake', () => {
  test('lake: a text/plain POST from a foreign page writes nothing', async () => {
    const answer = await send(MUTATE, {
      method: 'POST',
      headers: {'Origin': 'https://evil.example', 'Content-Type': 'text/plain'},
      body: create('note-evil'),
    })
    expect(answer.status).toBe(403)
    expect(answer.headers['access-control-allow-origin']).toBeUndefined()
    expect(JSON.parse(answer.body)).toMatchObject({error: {type: 'forbiddenOrigin'}})
    expect(await client.getDocument('note-evil')).toBeUndefined()
  })

  test('lake: a JSON POST from a foreign page, or its preflight, is refused', async () => {
    const preflight = await send(MUTATE, {
      method: 'OPTIONS',
      headers: {'Origin': 'https://evil.example', 'Access-Control-Request-Method': 'POST'},
    })
    expect(preflight.status).toBe(403)
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined()
    const post = await send(MUTATE, {
      method: 'POST',
      headers: {'Origin': 'null', 'Content-Type': 'application/json'},
      body: create('note-evil'),
    })
    expect(post.status).toBe(403)
    expect(await client.getDocument('note-evil')).toBeUndefined()
  })

  test('lake: the Studio’s origin is let in, with CORS headers', async () => {
    const studio = 'http://localhost:3333'
    const preflight = await send(MUTATE, {
      method: 'OPTIONS',
      headers: {'Origin': studio, 'Access-Control-Request-Method': 'POST'},
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers['access-control-allow-origin']).toBe(studio)
    const post = await send(MUTATE, {
      method: 'POST',
      headers: {'Origin': studio, 'Content-Type': 'application/json; charset=utf-8'},
      body: create('note-studio'),
    })
    expect(post.status).toBe(200)
    expect(await client.getDocument('note-studio')).toMatchObject({_type: 'note'})
  })

  test('lake: a write that does not say it is JSON is refused, whoever sends it', async () => {
    const answer = await send(MUTATE, {
      method: 'POST',
      headers: {'Content-Type': 'text/plain'},
      body: create('note-plain'),
    })
    expect(answer.status).toBe(415)
    expect(await client.getDocument('note-plain')).toBeUndefined()
  })

  test('lake: a Host naming another site (DNS rebinding) is refused; loopback names are not', async () => {
    const rebound = await send('/v2025-02-19/data/query/production?query=count(*)', {
      headers: {Host: `evil.example:${lake.port}`},
    })
    expect(rebound.status).toBe(403)
    expect(JSON.parse(rebound.body)).toMatchObject({error: {type: 'forbiddenHost'}})
    for (const host of [`localhost:${lake.port}`, `local.localhost:${lake.port}`]) {
      const answer = await send('/v2025-02-19/data/query/production?query=count(*)', {
        headers: {Host: host},
      })
      expect(answer.status).toBe(200)
    }
    const otherPort = await send('/v2025-02-19/ping', {headers: {Host: 'localhost:1'}})
    expect(otherPort.status).toBe(403)
  })
})

describe('malformed input gets a 4xx with a JSON error', () => {
  test('lake: a badly percent-encoded document id is a 400', async () => {
    const answer = await send('/v2025-02-19/data/doc/production/%E0%A4%A')
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body)).toMatchObject({error: {type: 'invalidRequest'}})
  })

  test('lake: JSON nested 20,000 deep is a 400, and the lake keeps serving', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`
    const answer = await send(MUTATE, {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: `{"mutations": ${deep}}`,
    })
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body)).toMatchObject({error: {type: 'invalidJson'}})
    expect(await client.fetch('count(*)')).toBe(0)
  })

  test('lake: a body nested 100 levels deep is written, and 101 levels is a 400', async () => {
    // The body is level 0; `mutations`, the mutation, `create` and `v` take levels 1 to 4.
    const nested = (levels: number) => `${'['.repeat(levels)}"x"${']'.repeat(levels)}`
    const mutate = (id: string, levels: number) =>
      send(MUTATE, {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: `{"mutations":[{"create":{"_id":"${id}","_type":"note","v":${nested(levels)}}}]}`,
      })
    const deepest = await mutate('deepest', 96)
    expect(deepest.status).toBe(200)
    const tooDeep = await mutate('too-deep', 97)
    expect(tooDeep.status).toBe(400)
    expect(JSON.parse(tooDeep.body)).toMatchObject({error: {type: 'invalidJson'}})
    expect(await client.fetch('*._id')).toEqual(['deepest'])
  })

  test('lake: an unknown method is a JSON 4xx', async () => {
    const answer = await send('/v2025-02-19/data/query/production', {method: 'PROPFIND'})
    expect(answer.status).toBeGreaterThanOrEqual(400)
    expect(answer.status).toBeLessThan(500)
    expect(JSON.parse(answer.body)).toMatchObject({error: {}})
  })

  test('lake: a connection that sends nothing is closed within seconds', async () => {
    const socket = connect(lake.port, '127.0.0.1')
    const started = Date.now()
    await new Promise<void>((resolve) => socket.once('close', () => resolve()))
    expect(Date.now() - started).toBeLessThan(8_000)
  }, 15_000)
})

describe('the dataset keeps its integrity', () => {
  test('lake: a patch that changes _id is refused, and nothing of its transaction is applied', async () => {
    await client.create({_id: 'a2', _type: 'note', title: 'the real a2'})
    await client.create({_id: 'n1', _type: 'note', title: 'n1'})
    const transaction = client
      .transaction()
      .patch('n1', (patch) => patch.set({title: 'renamed'}))
      .patch('n1', (patch) => patch.set({_id: 'a2'}))
    await expect(transaction.commit()).rejects.toMatchObject({statusCode: 400})
    expect(await client.getDocument('n1')).toMatchObject({title: 'n1'})
    expect(await client.getDocument('a2')).toMatchObject({title: 'the real a2'})
  })

  test('lake: a patch that removes or changes _type is refused; the file reloads after', async () => {
    await client.create({_id: 'n1', _type: 'note'})
    for (const patch of [{unset: ['_type']}, {set: {_type: 'other'}}, {set: {_type: 5}}]) {
      await expect(client.mutate([{patch: {id: 'n1', ...patch}}])).rejects.toMatchObject({
        statusCode: 400,
      })
    }
    await expect(client.createOrReplace({_id: 'n1', _type: 'article'})).rejects.toMatchObject({
      statusCode: 400,
    })
    const data = lake.lake
    expect(data.getDocuments(['n1']).documents).toMatchObject([{_type: 'note'}])
    const port = lake.port
    await lake.close()
    lake = await startLake({data: dataFile, port})
    expect(lake.lake.getDocuments(['n1']).documents).toMatchObject([{_id: 'n1', _type: 'note'}])
  })

  test('lake: a transaction id reused for another request is a 409, not a silent replay', async () => {
    const body = (id: string) => [{create: {_id: id, _type: 'note'}}]
    await client.mutate(body('note-1'), {transactionId: 'tx-1'})
    // The same request again is a retry: its first outcome, applied once.
    await client.mutate(body('note-1'), {transactionId: 'tx-1'})
    await expect(client.mutate(body('note-2'), {transactionId: 'tx-1'})).rejects.toMatchObject({
      statusCode: 409,
    })
    expect(await client.fetch('*[_type == "note"]._id')).toEqual(['note-1'])
  })
})

describe('listeners', () => {
  test('lake: a listener query the lake cannot evaluate is refused up front, and writes go on', async () => {
    const answer = await send(
      `/v2025-02-19/data/listen/production?query=${encodeURIComponent('*[diff::changedAny(@, @, (title))]')}`,
    )
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body)).toMatchObject({error: {type: 'queryParseError'}})
    await expect(client.create({_id: 'note-1', _type: 'note'})).resolves.toMatchObject({
      _id: 'note-1',
    })
  })

  test('createLake: a listener that throws touches neither the write nor the other listeners', async () => {
    const heard: string[] = []
    lake.lake.subscribe(() => {
      throw new Error('listener bug')
    })
    lake.lake.subscribe((transaction) => heard.push(transaction.transactionId))
    const {transactionId} = await lake.lake.mutate([{create: {_id: 'note-1', _type: 'note'}}])
    expect(heard).toEqual([transactionId])
  })
})
