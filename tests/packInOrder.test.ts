import {describe, expect, test} from 'vitest'

import {packInOrder} from '../importer/shared/packInOrder'
import {collect} from './support/collect'

const KIB = 1024
const BUDGET = 256 * KIB

interface Transaction {
  id: string
  mutations: {create: {_id: string; text: string}}[]
  /** The mutations as UTF-8 JSON, as the writer serialises them once. */
  json: Uint8Array
}

/** The bytes a transaction's mutations take as JSON, as a request body carries them. */
function bytesOf(transaction: Omit<Transaction, 'json'>): number {
  return Buffer.byteLength(JSON.stringify(transaction.mutations))
}

/** A transaction whose mutations are exactly `bytes` bytes of JSON. */
function transaction(id: string, bytes: number): Transaction {
  const empty = bytesOf({id, mutations: [{create: {_id: id, text: ''}}]})
  const mutations = [{create: {_id: id, text: 'x'.repeat(bytes - empty)}}]
  const made = {id, mutations, json: Buffer.from(JSON.stringify(mutations))}
  if (bytesOf(made) !== bytes) throw new Error(`transaction(): cannot make ${id} ${bytes} bytes`)
  return made
}

/** Packs transactions into requests by their JSON's bytes, as the writer does. */
function packRequests(
  transactions: AsyncIterable<Transaction> | Iterable<Transaction>,
  budget = BUDGET,
): AsyncGenerator<Transaction[]> {
  return packInOrder(transactions, budget, ({json}) => json.byteLength)
}

/** The ids of each request, packed under the budget. */
async function pack(transactions: Transaction[], budget = BUDGET): Promise<string[][]> {
  const requests = await collect(packRequests(transactions, budget))
  return requests.map((request) => request.map(({id}) => id))
}

describe('packInOrder at the 256 KiB boundary', () => {
  test.each([
    {
      name: '1. two halves make exactly 256 KiB: one request',
      input: [128 * KIB, 128 * KIB],
      output: [['t0', 't1']],
    },
    {
      name: '2. one byte over: two requests',
      input: [128 * KIB, 128 * KIB + 1],
      output: [['t0'], ['t1']],
    },
    {
      name: '3. one transaction of exactly 256 KiB: alone, with nothing split',
      input: [BUDGET],
      output: [['t0']],
    },
    {
      name: '4. one byte over 256 KiB: alone, after and before the others',
      input: [100, BUDGET + 1, 100],
      output: [['t0'], ['t1'], ['t2']],
    },
    {
      name: '5. a transaction of 1 MiB travels alone',
      input: [1000, 2000, 1024 * KIB, 3000, 4000],
      output: [['t0', 't1'], ['t2'], ['t3', 't4']],
    },
    {
      name: '6. the one that does not fit starts the next request',
      input: [100 * KIB, 100 * KIB, 56 * KIB, 100, 200 * KIB, 56 * KIB - 100],
      output: [
        ['t0', 't1', 't2'],
        ['t3', 't4', 't5'],
      ],
    },
    {
      name: '7. 4,096 transactions of 64 bytes: 4,096 × 64 = 256 KiB, one request',
      input: Array(4096).fill(64),
      output: [Array.from({length: 4096}, (_, index) => `t${index}`)],
    },
  ])('packInOrder: $name', async ({input, output}) => {
    const transactions = input.map((bytes, index) => transaction(`t${index}`, bytes))
    expect(transactions.map(bytesOf)).toEqual(input)
    expect(await pack(transactions)).toEqual(output)
  })

  test('packInOrder: counts bytes, not characters', async () => {
    // 90,000 characters of '€' are 270,000 bytes: over 256 KiB though far under it in characters.
    const mutations = [{create: {_id: 'euro', text: '€'.repeat(90_000)}}]
    const euro = {id: 'euro', mutations, json: Buffer.from(JSON.stringify(mutations))}
    expect(bytesOf(euro)).toBeGreaterThan(BUDGET)
    const requests = await pack([transaction('a', 100), euro, transaction('b', 100)])
    expect(requests).toEqual([['a'], ['euro'], ['b']])
  })

  test('packInOrder: an empty sequence makes no request', async () => {
    expect(await pack([])).toEqual([])
  })
})

describe('packInOrder over an archive', () => {
  /** Article-sized transactions, 1 byte to 300 KiB, from a fixed seed. */
  function archive(count: number): Transaction[] {
    let seed = 20240817
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed / 2 ** 31
    }
    return Array.from({length: count}, (_, index) => {
      const large = next() < 0.05
      const bytes = Math.round(large ? 200 * KIB + next() * 100 * KIB : 200 + next() * 20 * KIB)
      return transaction(`article-${index}`, bytes)
    })
  }

  test('packInOrder: every request is at most 256 KiB of JSON, in order, none split, each as full as it can be', async () => {
    const transactions = archive(600)
    const sizes = new Map(transactions.map((item) => [item.id, bytesOf(item)]))
    // Read as a stream, as the writer reads its spool.
    const stream = (async function* () {
      yield* transactions
    })()
    const requests = await collect(packRequests(stream))

    // The same transactions, in order, none copied (their bytes are compared by identity).
    const packed = requests.flat()
    expect(packed.map(({id}) => id)).toEqual(transactions.map(({id}) => id))
    expect(packed.every((item, index) => item === transactions[index])).toBe(true)
    for (const [index, request] of requests.entries()) {
      const body = Buffer.byteLength(JSON.stringify(request.flatMap((item) => item.mutations)))
      const total = request.reduce((sum, item) => sum + (sizes.get(item.id) ?? 0), 0)
      if (request.length > 1) {
        expect(total).toBeLessThanOrEqual(BUDGET)
        expect(body).toBeLessThanOrEqual(BUDGET)
      } else expect(request).toHaveLength(1)
      // Packed greedily: the next request's first transaction would not have fitted in this one.
      const following = requests[index + 1]?.[0]
      if (following) expect(total + (sizes.get(following.id) ?? 0)).toBeGreaterThan(BUDGET)
    }
    const oversized = transactions.filter((item) => bytesOf(item) > BUDGET)
    expect(oversized.length).toBeGreaterThan(10)
    for (const item of oversized) {
      expect(requests.some((request) => request.length === 1 && request[0] === item)).toBe(true)
    }
    expect(requests.length).toBeLessThan(transactions.length / 4)
  })

  test('packInOrder: yields each request as soon as it is full, before reading on', async () => {
    const read: string[] = []
    const source = (async function* () {
      for (const item of [transaction('a', 200 * KIB), transaction('b', 100 * KIB)]) {
        read.push(item.id)
        yield item
      }
      read.push('end')
    })()
    const requests = packRequests(source)
    const next = async () => {
      const result = await requests.next()
      return result.done ? undefined : result.value.map(({id}) => id)
    }
    expect(await next()).toEqual(['a'])
    expect(read).toEqual(['a', 'b'])
    expect(await next()).toEqual(['b'])
    expect(read).toEqual(['a', 'b', 'end'])
    expect(await next()).toBeUndefined()
  })
})
