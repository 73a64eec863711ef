import {mkdtemp} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import type {SanityClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'

import {type RunningLake, startLake} from '../lake'
import {localClient} from '../lake'
import {createQueryPool} from '../lake/query/queryPool'

const DOCUMENTS = 3_000
const DEADLINE_MS = 3_000

let lake: RunningLake
let client: SanityClient

beforeAll(async () => {
  const data = join(await mkdtemp(join(tmpdir(), 'newsroom-lake-queries-')), 'production.ndjson')
  lake = await startLake({data, port: 0, queryTimeoutMs: DEADLINE_MS})
  client = localClient(lake.url)
  const notes = Array.from({length: DOCUMENTS}, (_, index) => ({
    create: {_id: `note-${index}`, _type: `type-${index % 7}`, n: index},
  }))
  for (let start = 0; start < notes.length; start += 500) {
    await client.mutate(notes.slice(start, start + 500))
  }
}, 60_000)

afterAll(() => lake.close())

/** Runs a query and reports how it ended and when. */
async function timed(run: () => Promise<unknown>) {
  const started = performance.now()
  try {
    return {result: await run(), ms: performance.now() - started}
  } catch (error) {
    return {error, ms: performance.now() - started}
  }
}

describe('hostile queries', () => {
  test('lake: a 6 MB query is refused at once', async () => {
    const huge = `*[_id in [${Array.from({length: 700_000}, (_, i) => `"n${i}"`).join(',')}]]`
    expect(huge.length).toBeGreaterThan(6_000_000)
    const {error, ms} = await timed(() => client.fetch(huge))
    expect(error).toMatchObject({statusCode: 413})
    expect(ms).toBeLessThan(5_000)
  })

  test('lake: while expensive queries run, count(*) is answered in under a second; they end with an error', async () => {
    // Quadratic: each document scans every document again.
    const nested = client.fetch('count(*[count(*[_type == ^._type && n > ^.n]) > 0])')
    // Long enough to parse for seconds, short enough to be let in.
    const slowToParse = client.fetch(
      `*[_id in [${Array.from({length: 20_000}, (_, i) => `"note-${i}"`).join(',')}]]._id`,
    )
    const ended = Promise.all([timed(() => nested), timed(() => slowToParse)])
    await new Promise((resolve) => setTimeout(resolve, 300))
    const counted = await timed(() => client.fetch('count(*)'))
    expect(counted.result).toBe(DOCUMENTS)
    expect(counted.ms).toBeLessThan(1_000)
    const [first, second] = await ended
    for (const expensive of [first, second]) {
      expect(expensive?.error).toMatchObject({statusCode: 504})
      expect(expensive?.ms).toBeLessThan(DEADLINE_MS + 5_000)
    }
  }, 60_000)

  test('lake: a query reading documents through the indexes is answered on the spot', async () => {
    const {result, ms} = await timed(() => client.fetch('*[_id == $id][0].n', {id: 'note-42'}))
    expect(result).toBe(42)
    expect(ms).toBeLessThan(500)
  })

  test('lake: a write is seen by the next query, wherever that query runs', async () => {
    await client.create({_id: 'note-new', _type: 'type-0', n: -1})
    expect(await client.fetch('*[_id == "note-new"][0].n')).toBe(-1)
    expect(await client.fetch('count(*[n < 0])')).toBe(1)
    await client.delete('note-new')
    expect(await client.fetch('count(*[n < 0])')).toBe(0)
  })
})

describe('query pool', () => {
  test('createQueryPool: queries arriving in the same moment each get their own answer', async () => {
    const documents = Array.from({length: 50}, (_, n) => ({
      _id: `note-${n}`,
      _type: 'note',
      _rev: 'r',
      _createdAt: '2026-01-01T00:00:00Z',
      _updatedAt: '2026-01-01T00:00:00Z',
      n,
    }))
    const pool = createQueryPool(() => documents, {maxWorkers: 2, deadlineMs: 10_000})
    try {
      // More queries than workers, all asked before any is answered.
      const mins = [0, 10, 20, 30, 40, 45]
      const started = performance.now()
      const counts = await Promise.all(
        mins.map((min) => pool.query('count(*[n >= $min])', {min}, 'raw')),
      )
      expect(counts).toEqual(mins.map((min) => documents.length - min))
      expect(performance.now() - started).toBeLessThan(5_000)
    } finally {
      await pool.close()
    }
  })
})
