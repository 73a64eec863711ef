import {copyFile, mkdtemp, readdir, readFile, stat, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import type {SanityDocument} from '@sanity/client'
import {beforeEach, describe, expect, test} from 'vitest'

import {
  ndjsonLines,
  readLines,
  readNdjson,
  streamNdjson,
  toNdjson,
  writeFileAtomic,
} from '../dataset'
import {openLakeStore} from '../lake'
import type {JournalEntry} from '../lake/store/openLakeStore'

let folder: string
let data: string

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'newsroom-store-'))
  data = join(folder, 'production.ndjson')
})

/** A document with multi-byte text, so small chunks split characters as well as lines. */
function article(n: number, extra = ''): SanityDocument {
  return {
    _id: `article-${String(n).padStart(4, '0')}`,
    _type: 'article',
    _rev: `rev-${n}`,
    _createdAt: '2024-08-17T00:00:00Z',
    _updatedAt: '2024-08-17T00:00:00Z',
    title: `Chloé’s report nº ${n} — Олена Петренко 📰 ${extra}`,
  }
}

function entry(n: number, documents: SanityDocument[]): JournalEntry {
  return {
    transactionId: `tx-${n}`,
    timestamp: '2024-08-17T00:00:00Z',
    documents: documents.map((document) => ({id: document._id, after: document})),
  }
}

/** The serialisation before streaming, kept to pin the bytes. */
function oldToNdjson(documents: Iterable<SanityDocument>): string {
  const sorted = [...documents].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
  return sorted.map((document) => `${JSON.stringify(document)}\n`).join('')
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const collected: T[] = []
  for await (const item of items) collected.push(item)
  return collected
}

/** What a crash leaves: the files as they are now, copied before the store is closed. */
async function crashImage(path: string): Promise<string> {
  const image = join(await mkdtemp(join(tmpdir(), 'newsroom-crash-')), 'production.ndjson')
  await copyFile(path, image).catch(() => undefined)
  await copyFile(`${path}.journal`, `${image}.journal`).catch(() => undefined)
  return image
}

const size = async (path: string) => (await stat(path)).size

describe('reading and writing NDJSON a chunk at a time', () => {
  test('readLines: lines and multi-byte characters split across reads come back whole', async () => {
    const lines = ['', 'ascii', 'Chloé’s 📰 Олена', '', 'last line, no newline — ü']
    await writeFile(data, lines.join('\n'))
    for (const chunkSize of [1, 2, 3, 5, 7, 64]) {
      expect(await collect(readLines(data, {chunkSize}))).toEqual(lines)
    }
    expect(await collect(readLines(join(folder, 'missing.ndjson')))).toEqual([])
  })

  test('readNdjson: a dataset read in chunks smaller than a line is read whole', async () => {
    const documents = Array.from({length: 50}, (_, n) => article(n))
    await writeFile(data, toNdjson(documents))
    expect(await readNdjson(data, {chunkSize: 7})).toEqual(documents)
    expect(await collect(streamNdjson(data, {chunkSize: 3}))).toEqual(documents)
    expect(await readNdjson(join(folder, 'missing.ndjson'))).toEqual([])
  })

  test('readNdjson: names the file and line of a line that is not a document', async () => {
    await writeFile(data, `${JSON.stringify(article(1))}\n\n{"_id": "x"\n`)
    await expect(readNdjson(data, {chunkSize: 4})).rejects.toThrow(`${data}:3: not valid JSON`)
    await writeFile(data, `${JSON.stringify(article(1))}\n{"_id": "x"}\n`)
    await expect(readNdjson(data)).rejects.toThrow(`${data}:2: not a document (no _id/_type)`)
  })

  test('toNdjson: the same bytes as before streaming, sorted by id', () => {
    const documents = [article(3), article(1), article(2, 'ü'.repeat(100))]
    expect(toNdjson(documents)).toBe(oldToNdjson(documents))
    expect([...ndjsonLines(documents)].join('')).toBe(oldToNdjson(documents))
  })

  test('writeFileAtomic: pieces joined in small chunks give the bytes of one string', async () => {
    const documents = Array.from({length: 40}, (_, n) => article(n))
    const expected = Buffer.from(oldToNdjson(documents), 'utf8')
    for (const chunkSize of [1, 100, 1 << 20]) {
      const written = await writeFileAtomic(data, ndjsonLines(documents), {chunkSize})
      expect(written).toBe(expected.length)
      expect(await readFile(data)).toEqual(expected)
    }
    async function* pieces() {
      yield* ndjsonLines(documents)
    }
    await writeFileAtomic(data, pieces(), {chunkSize: 10})
    expect(await readFile(data)).toEqual(expected)
    await writeFileAtomic(data, 'one string')
    expect(await readFile(data, 'utf8')).toBe('one string')
    expect(await readdir(folder)).toEqual(['production.ndjson'])
  })

  test('writeFileAtomic: a failure while writing leaves the old file and no temporary', async () => {
    await writeFile(data, 'old')
    function* failing() {
      yield 'new'
      throw new Error('disk full')
    }
    await expect(writeFileAtomic(data, failing(), {chunkSize: 1})).rejects.toThrow('disk full')
    expect(await readFile(data, 'utf8')).toBe('old')
    expect(await readdir(folder)).toEqual(['production.ndjson'])
  })
})

describe('openLakeStore', () => {
  test('openLakeStore: reopens a dataset larger than one string can hold', async () => {
    // Stands in for a dataset over V8's string limit: with 64-byte chunks no line is read or
    // written as one piece, as no file would be at 1 GB with 1 MiB chunks.
    const options = {chunkSize: 64}
    const store = await openLakeStore(data, options)
    for (let n = 0; n < 20; n++) {
      await store.commit(entry(n, [article(2 * n), article(2 * n + 1, 'é'.repeat(n * 10))]))
    }
    const documents = [...store.documents()]
    await store.close()
    expect(await readFile(data, 'utf8')).toBe(oldToNdjson(documents))

    const reopened = await openLakeStore(data, options)
    expect([...reopened.documents()].sort((a, b) => a._id.localeCompare(b._id))).toEqual(
      documents.sort((a, b) => a._id.localeCompare(b._id)),
    )
    await reopened.close()
  })

  test('openLakeStore: a torn last journal line is dropped, the whole ones replayed', async () => {
    await writeFile(data, toNdjson([article(1)]))
    const whole = JSON.stringify(entry(1, [article(2)]))
    const torn = JSON.stringify(entry(2, [article(3)])).slice(0, 40)
    await writeFile(`${data}.journal`, `${whole}\n${torn}`)

    const store = await openLakeStore(data, {chunkSize: 16})
    expect(store.get('article-0002')).toEqual(article(2))
    expect(store.get('article-0003')).toBeUndefined()
    expect(await readFile(data, 'utf8')).toBe(toNdjson([article(1), article(2)]))
    expect(await size(`${data}.journal`)).toBe(0)
    await store.close()
  })

  test('openLakeStore: after a torn line alone, the next acknowledged commit survives a crash', async () => {
    await writeFile(data, toNdjson([article(1)]))
    const before = await readFile(data)
    await writeFile(`${data}.journal`, JSON.stringify(entry(2, [article(3)])).slice(0, 40))

    const store = await openLakeStore(data)
    // Nothing replayed: the snapshot is left as it was, the fragment is gone.
    expect(await readFile(data)).toEqual(before)
    await store.commit(entry(3, [article(4)]))
    const image = await crashImage(data)
    await store.close()

    const restarted = await openLakeStore(image)
    expect(restarted.get('article-0004')).toEqual(article(4))
    await restarted.close()
  })

  test('openLakeStore: every acknowledged commit is in the journal before it is compacted', async () => {
    const store = await openLakeStore(data, {compactFloorBytes: 2000})
    for (let n = 0; n < 30; n++) {
      await store.commit(entry(n, [article(n)]))
      const restarted = await openLakeStore(await crashImage(data))
      expect(restarted.get(article(n)._id)).toEqual(article(n))
      expect([...restarted.documents()]).toHaveLength(n + 1)
      await restarted.close()
    }
    await store.close()
  })

  test('openLakeStore: compacts when the journal outgrows the snapshot, not every 500th transaction', async () => {
    const floor = 4000
    const store = await openLakeStore(data, {compactFloorBytes: floor})
    const compactions: number[] = []
    let journalBytes = 0
    for (let n = 0; n < 300; n++) {
      const snapshotBytes = await size(data).catch(() => 0)
      const line = `${JSON.stringify(entry(n, [article(n)]))}\n`
      await store.commit(entry(n, [article(n)]))
      journalBytes += Buffer.byteLength(line)
      const journal = await size(`${data}.journal`)
      if (journal === 0) {
        // Compacted exactly when the journal reached the snapshot's size (or the floor).
        expect(journalBytes).toBeGreaterThanOrEqual(Math.max(snapshotBytes, floor))
        compactions.push(n)
        journalBytes = 0
      } else {
        expect(journal).toBe(journalBytes)
        expect(journal).toBeLessThan(Math.max(snapshotBytes, floor))
      }
    }
    await store.close()
    // Roughly doubling each time: a handful of rewrites, not one per transaction.
    expect(compactions.length).toBeGreaterThan(3)
    expect(compactions.length).toBeLessThan(10)
    for (let k = 2; k < compactions.length; k++) {
      const [a = 0, b = 0, c = 0] = compactions.slice(k - 2, k + 1)
      expect(c - b).toBeGreaterThanOrEqual(b - a)
    }
  })

  test('openLakeStore: with the default floor, 600 small transactions stay in the journal', async () => {
    const store = await openLakeStore(data)
    for (let n = 0; n < 600; n++) await store.commit(entry(n, [article(n % 50)]))
    await expect(stat(data)).rejects.toThrow(/ENOENT/)
    expect(await size(`${data}.journal`)).toBeGreaterThan(0)
    await store.close()
    expect(await size(`${data}.journal`)).toBe(0)
    expect(await readNdjson(data)).toHaveLength(50)
  })

  test('openLakeStore: a lake that wrote nothing leaves the file as it was', async () => {
    const store = await openLakeStore(data)
    await store.close()
    await expect(stat(data)).rejects.toThrow(/ENOENT/)
  })
})
