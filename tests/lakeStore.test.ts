import {spawnSync} from 'node:child_process'
import {copyFile, mkdtemp, readdir, readFile, stat, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import type {SanityDocument} from '@sanity/client'
import fc from 'fast-check'
import {beforeEach, describe, expect, test, vi} from 'vitest'

import {
  ndjsonLines,
  type OpenFile,
  readLines,
  readLineSpans,
  readNdjson,
  streamNdjson,
  toNdjson,
  writeFileAtomic,
} from '../dataset'
import {openLakeStore} from '../lake'
import {emptyFile, fileSize, openJournalFile, truncateFile} from '../lake/store/journalFile'
import type {JournalEntry, LakeStore, LakeStoreFiles} from '../lake/store/openLakeStore'
import {diskError, type FileFaults, recordingOpen} from './support/recordingOpen'
import {messageOf} from './support/rejection'

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

/** A promise the test resolves when it chooses: a snapshot rewrite held until then. */
function gated(): {gate: Promise<void>; open: () => void} {
  let open: () => void = () => undefined
  const gate = new Promise<void>((resolve) => (open = resolve))
  return {gate, open}
}

/** Opens the real journal, failing its operations as `faults` says. */
function faultyJournal(faults: Partial<FileFaults>): LakeStoreFiles['openJournal'] {
  return (path) => openJournalFile(path, recordingOpen([], faults))
}

/** A disk the snapshot is written to, which may be full. */
interface SnapshotDisk {
  full: boolean
  /** The journal's size at each attempt to write the snapshot. */
  journalSizes: number[]
}

/** Writes the snapshot for real unless the disk is said to be full; notes the journal's size. */
function snapshotWriter(disk: SnapshotDisk) {
  const writeSnapshot: LakeStoreFiles['writeSnapshot'] = async (path, lines, options) => {
    disk.journalSizes.push(await size(`${path}.journal`))
    if (disk.full) throw diskError('EFBIG', 'file too large, write')
    return writeFileAtomic(path, lines, options)
  }
  return writeSnapshot
}

const ids = (store: LakeStore) => [...store.documents()].map((document) => document._id).sort()

describe('reading and writing NDJSON a chunk at a time', () => {
  test('readLines: lines and multi-byte characters split across reads come back whole', async () => {
    const lines = ['', 'ascii', 'Chloé’s 📰 Олена', '', 'last line, no newline — ü']
    await writeFile(data, lines.join('\n'))
    for (const chunkSize of [1, 2, 3, 5, 7, 64]) {
      expect(await collect(readLines(data, {chunkSize}))).toEqual(lines)
    }
    expect(await collect(readLines(join(folder, 'missing.ndjson')))).toEqual([])
  })

  test('readLineSpans: each line ends at its byte offset, across reads and multi-byte characters', async () => {
    const text = 'ascii\nChloé’s 📰 Олена\n\nlast, no newline — ü'
    await writeFile(data, text)
    const bytes = Buffer.from(text, 'utf8')
    const ends = [6, bytes.indexOf(0x0a, 6) + 1, bytes.indexOf(0x0a, 6) + 2, bytes.length]
    for (const chunkSize of [1, 3, 7, 64]) {
      expect(await collect(readLineSpans(data, {chunkSize}))).toEqual(
        text.split('\n').map((line, index) => ({text: line, end: ends[index]})),
      )
    }
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

  test('writeFileAtomic: bytes among the pieces are copied as they are, in order', async () => {
    const pieces = ['Zoë ', Buffer.from('“quoted” 📰'), '\n', new Uint8Array([0x61, 0x62])]
    for (const chunkSize of [1, 4, 1024]) {
      expect(await writeFileAtomic(data, pieces, {chunkSize})).toBe(
        Buffer.byteLength('Zoë “quoted” 📰\nab'),
      )
      expect(await readFile(data, 'utf8')).toBe('Zoë “quoted” 📰\nab')
    }
  })

  test('writeFileAtomic: flushes every syncBytes as it writes, and once more at the end', async () => {
    const calls: string[] = []
    const open = recordingOpen(calls)
    const pieces = Array.from({length: 7}, (_, n) => `${n}`.repeat(10))
    expect(await writeFileAtomic(data, pieces, {chunkSize: 10, syncBytes: 25, open})).toBe(70)
    expect(calls).toEqual([
      'open w',
      ...['appendFile 10', 'appendFile 10', 'appendFile 10', 'datasync'],
      ...['appendFile 10', 'appendFile 10', 'appendFile 10', 'datasync'],
      ...['appendFile 10', 'sync', 'close'],
    ])
    expect(await readFile(data, 'utf8')).toBe(pieces.join(''))
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
      await store.idle()
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

describe('openLakeStore: durability when writes fail', () => {
  test('openLakeStore: an append that fails half-way is cut away, changes nothing, and the next commit survives a crash', async () => {
    const faults = {halfAppends: 0, datasyncs: 0, truncates: 0}
    const store = await openLakeStore(data, {files: {openJournal: faultyJournal(faults)}})
    await store.commit(entry(1, [article(1)]))
    const before = await readFile(`${data}.journal`, 'utf8')

    faults.halfAppends = 1
    await expect(store.commit(entry(2, [article(2)]))).rejects.toThrow(
      `LakeStore.commit(): appending to ${data}.journal failed (ENOSPC: no space left on device, write); the transaction was not applied`,
    )
    expect(store.get('article-0002')).toBeUndefined()
    expect(await readFile(`${data}.journal`, 'utf8')).toBe(before)

    await store.commit(entry(3, [article(3)]))
    const restarted = await openLakeStore(await crashImage(data))
    expect(ids(restarted)).toEqual(['article-0001', 'article-0003'])
    expect(restarted.get('article-0003')).toEqual(article(3))
    await restarted.close()
    await store.close()
  })

  test('openLakeStore: a failed datasync is cut away too, and a cut that fails is made before the next append', async () => {
    const faults = {halfAppends: 0, datasyncs: 0, truncates: 0}
    const store = await openLakeStore(data, {files: {openJournal: faultyJournal(faults)}})
    await store.commit(entry(1, [article(1)]))
    const first = await readFile(`${data}.journal`, 'utf8')
    const line = (n: number) => `${JSON.stringify(entry(n, [article(n)]))}\n`

    faults.datasyncs = 1
    await expect(store.commit(entry(2, [article(2)]))).rejects.toThrow(
      `LakeStore.commit(): appending to ${data}.journal failed (EIO: i/o error, fdatasync); the transaction was not applied`,
    )
    expect(await readFile(`${data}.journal`, 'utf8')).toBe(first)

    faults.datasyncs = 1
    faults.truncates = 1
    await expect(store.commit(entry(2, [article(2)]))).rejects.toThrow(
      `LakeStore.commit(): appending to ${data}.journal failed (EIO: i/o error, fdatasync); the transaction was not applied, but the journal could not be cut back yet, so it may reappear after a crash`,
    )
    expect(store.get('article-0002')).toBeUndefined()
    expect(await readFile(`${data}.journal`, 'utf8')).toBe(first + line(2))

    // The next commit cuts the unacknowledged entry away before appending.
    await store.commit(entry(3, [article(3)]))
    expect(await readFile(`${data}.journal`, 'utf8')).toBe(first + line(3))
    const restarted = await openLakeStore(await crashImage(data))
    expect(ids(restarted)).toEqual(['article-0001', 'article-0003'])
    await restarted.close()
    await store.close()
  })

  test('openLakeStore: a failed compaction fails no commit, loses nothing, and is retried once the journal doubles', async () => {
    const disk: SnapshotDisk = {full: true, journalSizes: []}
    const reports: string[] = []
    const store = await openLakeStore(data, {
      compactFloorBytes: 2000,
      files: {writeSnapshot: snapshotWriter(disk)},
      onCompactionError: (error) => reports.push(error.message),
    })
    for (let n = 0; n < 40; n++) {
      await store.commit(entry(n, [article(n)]))
      await store.idle()
    }
    expect(store.get('article-0039')).toEqual(article(39))
    await expect(stat(data)).rejects.toThrow(/ENOENT/)
    // Tried at the floor, then only after the journal doubled each time.
    expect(disk.journalSizes).toHaveLength(3)
    const [a = 0, b = 0, c = 0] = disk.journalSizes
    expect(a).toBeGreaterThanOrEqual(2000)
    expect(b).toBeGreaterThanOrEqual(2 * a)
    expect(c).toBeGreaterThanOrEqual(2 * b)
    expect(reports).toEqual(
      Array.from(
        {length: 3},
        () =>
          `openLakeStore(): rewriting ${data} after a commit failed (EFBIG: file too large, write); ${data}.journal keeps every transaction, and the rewrite is retried later`,
      ),
    )
    const restarted = await openLakeStore(await crashImage(data))
    expect(ids(restarted)).toHaveLength(40)
    await restarted.close()

    disk.full = false
    let n = 40
    while (disk.journalSizes.length === 3) {
      await store.commit(entry(n, [article(n++)]))
      await store.idle()
    }
    expect(disk.journalSizes[3]).toBeGreaterThanOrEqual(2 * c)
    expect(await size(`${data}.journal`)).toBe(0)
    expect((await readNdjson(data)).map((document) => document._id)).toEqual(ids(store))
    expect(ids(store)).toHaveLength(n)
    await store.close()
  })

  test('openLakeStore: a failed compaction on close rejects naming the file, keeps the journal and releases the lock', async () => {
    const disk: SnapshotDisk = {full: false, journalSizes: []}
    const store = await openLakeStore(data, {files: {writeSnapshot: snapshotWriter(disk)}})
    for (let n = 0; n < 3; n++) await store.commit(entry(n, [article(n)]))
    disk.full = true
    await expect(store.close()).rejects.toThrow(
      `openLakeStore(): rewriting ${data} on close failed (EFBIG: file too large, write); ${data}.journal keeps every transaction, which the next start replays`,
    )
    await expect(stat(data)).rejects.toThrow(/ENOENT/)
    await expect(stat(`${data}.lock`)).rejects.toThrow(/ENOENT/)

    const reopened = await openLakeStore(data)
    expect(ids(reopened)).toEqual(['article-0000', 'article-0001', 'article-0002'])
    await reopened.close()
    expect(await readNdjson(data)).toEqual([article(0), article(1), article(2)])
  })

  test('openLakeStore: an unreadable journal line before the last stops the open, naming the file and line', async () => {
    await writeFile(data, toNdjson([article(1)]))
    const whole = JSON.stringify(entry(2, [article(2)]))
    const later = JSON.stringify(entry(3, [article(3)]))
    const problems = {
      '{"transactionId": "tx-x", "docu': 'not valid JSON',
      '{"documents": []}': 'not a journal entry (no transactionId and documents)',
      '{"transactionId": "tx-x", "documents": [null]}':
        'not a journal entry (no transactionId and documents)',
      '': 'an empty line',
    }
    for (const [bad, problem] of Object.entries(problems)) {
      const journal = `${whole}\n${bad}\n${later}\n`
      await writeFile(`${data}.journal`, journal)
      await expect(openLakeStore(data, {chunkSize: 16})).rejects.toThrow(
        `replayJournal(): ${data}.journal:2: ${problem}, with more lines after it; only the last line can be torn by a crash, so the journal is damaged (repair that line to start)`,
      )
      // Nothing was changed, and the file is not left locked.
      expect(await readFile(`${data}.journal`, 'utf8')).toBe(journal)
      expect(await readFile(data, 'utf8')).toBe(toNdjson([article(1)]))
      expect(await readdir(folder)).toEqual(['production.ndjson', 'production.ndjson.journal'])
    }

    // The same line last is a torn append, newline or not: dropped, the rest replayed.
    for (const torn of ['{"transactionId": "tx-x", "docu', '{"transactionId": "tx-x", "docu\n']) {
      await writeFile(`${data}.journal`, `${whole}\n${later}\n${torn}`)
      const store = await openLakeStore(data)
      expect(ids(store)).toEqual(['article-0001', 'article-0002', 'article-0003'])
      await store.close()
      await writeFile(data, toNdjson([article(1)]))
    }
  })

  test('openLakeStore: a torn last line is cut away at open, so the next entry does not join it', async () => {
    await writeFile(data, toNdjson([article(1)]))
    const whole = `${JSON.stringify(entry(2, [article(2)]))}\n`
    await writeFile(`${data}.journal`, `${whole}{"transactionId": "tx-x", "docu`)
    // Its compaction fails, so the journal stays, cut back to its whole entry.
    const disk: SnapshotDisk = {full: true, journalSizes: []}
    const reports: string[] = []
    const store = await openLakeStore(data, {
      files: {writeSnapshot: snapshotWriter(disk)},
      onCompactionError: (error) => reports.push(error.message),
    })
    expect(reports).toEqual([
      `openLakeStore(): rewriting ${data} after replaying its journal failed (EFBIG: file too large, write); ${data}.journal keeps every transaction, and the rewrite is retried later`,
    ])
    expect(await readFile(`${data}.journal`, 'utf8')).toBe(whole)
    await store.commit(entry(3, [article(3)]))
    const restarted = await openLakeStore(await crashImage(data))
    expect(ids(restarted)).toEqual(['article-0001', 'article-0002', 'article-0003'])
    await restarted.close()
    disk.full = false
    await store.close()
    expect(await readNdjson(data)).toEqual([article(1), article(2), article(3)])
  })
})

describe('openLakeStore: what is flushed to disk, and when', () => {
  const journalLine = (n: number) => `${JSON.stringify(entry(n, [article(n)]))}\n`

  test('openLakeStore: each commit is appended to the journal and datasynced before it resolves', async () => {
    const calls: string[] = []
    const store = await openLakeStore(data, {
      files: {openJournal: (path) => openJournalFile(path, recordingOpen(calls))},
    })
    for (const n of [1, 2, 3]) {
      const before = calls.length
      await store.commit(entry(n, [article(n)]))
      expect(calls.slice(before)).toEqual([
        ...(n === 1 ? ['open a'] : []),
        `appendFile ${Buffer.byteLength(journalLine(n))}`,
        'datasync',
      ])
    }
    await store.close()
  })

  test('openLakeStore: a commit whose datasync fails rejects, and its append is cut back and flushed', async () => {
    const calls: string[] = []
    const faults = {datasyncs: 0}
    const store = await openLakeStore(data, {
      files: {openJournal: (path) => openJournalFile(path, recordingOpen(calls, faults))},
    })
    await store.commit(entry(1, [article(1)]))
    const whole = Buffer.byteLength(journalLine(1))

    faults.datasyncs = 1
    const before = calls.length
    expect(await messageOf(store.commit(entry(2, [article(2)])))).toBe(
      `LakeStore.commit(): appending to ${data}.journal failed (EIO: i/o error, fdatasync); the transaction was not applied`,
    )
    expect(calls.slice(before)).toEqual([
      `appendFile ${Buffer.byteLength(journalLine(2))}`,
      'datasync failed',
      `truncate ${whole}`,
      'datasync',
    ])
    expect(store.get('article-0002')).toBeUndefined()
    expect(await readFile(`${data}.journal`, 'utf8')).toBe(journalLine(1))
    await store.close()
  })

  test('openJournalFile: passes each call to the file, closing it too', async () => {
    await writeFile(data, 'abc')
    const calls: string[] = []
    const file = await openJournalFile(data, recordingOpen(calls))
    await file.appendFile(Buffer.from('defg'))
    await file.datasync()
    await file.truncate(5)
    await file.close()
    expect(calls).toEqual(['open a', 'appendFile 4', 'datasync', 'truncate 5', 'close'])
    expect(await readFile(data, 'utf8')).toBe('abcde')
  })

  test('emptyFile: a file that cannot be opened, other than a missing one, rejects', async () => {
    const denied = diskError('EACCES', 'permission denied, open')
    const openFile: OpenFile = () => Promise.reject(denied)
    await expect(emptyFile(data, openFile)).rejects.toBe(denied)
  })

  test('fileSize: the size in bytes, 0 for a missing file, and other failures rejected', async () => {
    await writeFile(data, 'Chloé')
    expect(await fileSize(data)).toBe(6)
    expect(await fileSize(join(folder, 'missing.journal'))).toBe(0)
    await expect(fileSize(join(data, 'journal'))).rejects.toMatchObject({code: 'ENOTDIR'})
  })

  test('truncateFile, emptyFile: the cut is synced before they resolve; a missing file stays missing', async () => {
    await writeFile(data, 'abcdef')
    const calls: string[] = []
    await truncateFile(data, 3, recordingOpen(calls))
    expect(calls).toEqual(['open r+', 'truncate 3', 'sync', 'close'])
    expect(await readFile(data, 'utf8')).toBe('abc')

    calls.length = 0
    await emptyFile(data, recordingOpen(calls))
    expect(calls).toEqual(['open r+', 'truncate 0', 'sync', 'close'])
    expect(await size(data)).toBe(0)

    calls.length = 0
    const missing = join(folder, 'missing.journal')
    await emptyFile(missing, recordingOpen(calls))
    expect(calls).toEqual([])
    await expect(stat(missing)).rejects.toThrow(/ENOENT/)
  })
})

describe('openLakeStore: snapshot rewrites', () => {
  const lineBytes = (n: number) => Buffer.byteLength(`${JSON.stringify(entry(n, [article(n)]))}\n`)
  /** The journal bytes of the entries `entry(from)` to `entry(to - 1)`. */
  const lines = (from: number, to: number) =>
    Array.from({length: to - from}, (_, k) => lineBytes(from + k)).reduce((a, b) => a + b, 0)

  test.each([
    {n: 1, floor: (bytes: number) => bytes, compacted: true},
    {n: 2, floor: (bytes: number) => bytes + 1, compacted: false},
  ])(
    'openLakeStore: floor case $n: rewritten once the journal reaches the floor, not before',
    async ({floor, compacted}) => {
      const store = await openLakeStore(data, {compactFloorBytes: floor(lineBytes(1))})
      await store.commit(entry(1, [article(1)]))
      await store.idle()
      expect(await size(`${data}.journal`)).toBe(compacted ? 0 : lineBytes(1))
      expect(await readFile(data, 'utf8').catch(() => 'absent')).toBe(
        compacted ? toNdjson([article(1)]) : 'absent',
      )
      await store.close()
    },
  )

  test.each([
    {n: 1, options: {chunkSize: 64}, passed: {chunkSize: 64}},
    {n: 2, options: {}, passed: {}},
  ])(
    'openLakeStore: chunk size case $n is passed to the snapshot writer',
    async ({options, passed}) => {
      const seen: unknown[] = []
      const store = await openLakeStore(data, {
        ...options,
        files: {
          writeSnapshot: async (path, lines, writeOptions) => {
            seen.push(writeOptions)
            return writeFileAtomic(path, lines, writeOptions)
          },
        },
      })
      await store.commit(entry(1, [article(1)]))
      await store.close()
      expect(seen).toEqual([passed])
    },
  )

  test('openLakeStore: commits go on while a rewrite one of them started is written, and a crash at any point keeps them all', async () => {
    const {gate, open} = gated()
    const images: {while: string; afterSnapshot?: string} = {while: ''}
    const store = await openLakeStore(data, {
      compactFloorBytes: lines(0, 3),
      files: {
        writeSnapshot: async (path, pieces, options) => {
          await gate
          const bytes = await writeFileAtomic(path, pieces, options)
          images.afterSnapshot = await crashImage(data)
          return bytes
        },
      },
    })
    // The third commit starts the rewrite, which waits; the ones after it are not held up.
    for (let n = 0; n < 8; n++) await store.commit(entry(n, [article(n)]))
    images.while = await crashImage(data)
    expect(await size(`${data}.journal`)).toBe(lines(0, 8))
    open()
    await store.idle()
    // The snapshot holds the three, the journal the five written meanwhile.
    expect(await readNdjson(data)).toEqual([article(0), article(1), article(2)])
    expect(await size(`${data}.journal`)).toBe(lines(3, 8))
    for (const image of [images.while, images.afterSnapshot ?? '', await crashImage(data)]) {
      const restarted = await openLakeStore(image)
      expect(ids(restarted)).toEqual(Array.from({length: 8}, (_, n) => article(n)._id))
      await restarted.close()
    }
    await store.commit(entry(8, [article(8)]))
    await store.close()
    expect(await readNdjson(data)).toEqual(Array.from({length: 9}, (_, n) => article(n)))
  })

  test('openLakeStore: a journal that cannot be cut after a rewrite keeps every entry, and the next rewrite cuts it', async () => {
    const {gate, open} = gated()
    let diskFull = true
    const reports: string[] = []
    const store = await openLakeStore(data, {
      compactFloorBytes: lines(0, 3),
      onCompactionError: (error) => reports.push(error.message),
      files: {
        writeSnapshot: async (path, pieces, options) => {
          await gate
          return writeFileAtomic(path, pieces, options)
        },
        replaceJournal: async (path, pieces, options) => {
          if (diskFull) throw diskError('ENOSPC', 'no space left on device, write')
          return writeFileAtomic(path, pieces, options)
        },
      },
    })
    for (let n = 0; n < 5; n++) await store.commit(entry(n, [article(n)]))
    open()
    await store.idle()
    expect(reports).toEqual([
      `openLakeStore(): cutting ${data}.journal after rewriting ${data} failed (ENOSPC: no space left on device, write); it keeps every transaction, and is cut at the next rewrite`,
    ])
    expect(await readNdjson(data)).toEqual([article(0), article(1), article(2)])
    expect(await size(`${data}.journal`)).toBe(lines(0, 5))
    const restarted = await openLakeStore(await crashImage(data))
    expect(ids(restarted)).toEqual(Array.from({length: 5}, (_, n) => article(n)._id))
    await restarted.close()
    // Later writes and rewrites read each document from where it lies now.
    await store.commit(entry(5, [article(5)]))
    diskFull = false
    await store.compact()
    expect(await readNdjson(data)).toEqual(Array.from({length: 6}, (_, n) => article(n)))
    expect(await size(`${data}.journal`)).toBe(0)
    await store.close()
  })

  test('openLakeStore: compact rewrites the snapshot and empties the journal, on request', async () => {
    const disk: SnapshotDisk = {full: false, journalSizes: []}
    const store = await openLakeStore(data, {files: {writeSnapshot: snapshotWriter(disk)}})
    await store.commit(entry(1, [article(1)]))
    await store.commit(entry(2, [article(2)]))
    await store.compact()
    expect(disk.journalSizes).toEqual([lineBytes(1) + lineBytes(2)])
    expect(await readFile(data, 'utf8')).toBe(toNdjson([article(1), article(2)]))
    expect(await size(`${data}.journal`)).toBe(0)
    // Nothing left to write: closing does not rewrite the snapshot.
    await store.close()
    expect(disk.journalSizes).toHaveLength(1)
    await expect(store.compact()).rejects.toThrow(new Error(`openLakeStore(): ${data} is closed`))
  })

  test('openLakeStore: a compaction on request that fails rejects naming the file and the cause', async () => {
    const disk: SnapshotDisk = {full: true, journalSizes: []}
    const store = await openLakeStore(data, {files: {writeSnapshot: snapshotWriter(disk)}})
    await store.commit(entry(1, [article(1)]))
    const error: unknown = await store.compact().then(
      () => undefined,
      (rejection: unknown) => rejection,
    )
    expect(error).toMatchObject({
      message: `openLakeStore(): rewriting ${data} on request failed (EFBIG: file too large, write); ${data}.journal keeps every transaction`,
      cause: {code: 'EFBIG'},
    })
    expect(await size(`${data}.journal`)).toBe(lineBytes(1))
    disk.full = false
    await store.close()
    expect(await readNdjson(data)).toEqual([article(1)])
  })

  test('openLakeStore: a failed compaction is reported with its cause', async () => {
    const errors: Error[] = []
    const store = await openLakeStore(data, {
      compactFloorBytes: 1,
      files: {writeSnapshot: snapshotWriter({full: true, journalSizes: []})},
      onCompactionError: (error) => errors.push(error),
    })
    await store.commit(entry(1, [article(1)]))
    await store.idle()
    expect(errors).toHaveLength(1)
    expect(errors[0]?.cause).toMatchObject({code: 'EFBIG', message: 'EFBIG: file too large, write'})
    await store.close().catch(() => undefined)
  })

  test('openLakeStore: a failed compaction is reported on stderr by default', async () => {
    const written: unknown[] = []
    // The default reporter is the one under test, so stderr itself is watched.
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(chunk)
      return true
    })
    try {
      const store = await openLakeStore(data, {
        compactFloorBytes: 1,
        files: {writeSnapshot: snapshotWriter({full: true, journalSizes: []})},
      })
      await store.commit(entry(1, [article(1)]))
      await store.close().catch(() => undefined)
    } finally {
      stderr.mockRestore()
    }
    expect(written).toEqual([
      `openLakeStore(): rewriting ${data} after a commit failed (EFBIG: file too large, write); ${data}.journal keeps every transaction, and the rewrite is retried later\n`,
    ])
  })

  test('openLakeStore: closing again after a close that failed does nothing', async () => {
    const disk: SnapshotDisk = {full: true, journalSizes: []}
    const store = await openLakeStore(data, {files: {writeSnapshot: snapshotWriter(disk)}})
    await store.commit(entry(1, [article(1)]))
    await expect(store.close()).rejects.toThrow(/on close failed/)
    expect(disk.journalSizes).toHaveLength(1)
    await store.close()
    expect(disk.journalSizes).toHaveLength(1)
    expect(await readFile(`${data}.journal`, 'utf8')).toBe(
      `${JSON.stringify(entry(1, [article(1)]))}\n`,
    )
  })
})

/** A step of a store's life: a transaction (writes and deletes), a rewrite, or a restart. */
type StoreStep =
  | {kind: 'commit'; changes: {n: number; deleted: boolean; extra: string}[]}
  | {kind: 'compact'}
  | {kind: 'failedCompact'; afterPieces: number}
  | {kind: 'reopen'}

const storeStep: fc.Arbitrary<StoreStep> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('commit' as const),
      changes: fc.array(
        fc.record({
          n: fc.integer({min: 1, max: 8}),
          deleted: fc.boolean(),
          extra: fc.string({unit: 'grapheme', maxLength: 40}),
        }),
        {minLength: 1, maxLength: 4},
      ),
    }),
  },
  {weight: 2, arbitrary: fc.constant({kind: 'compact' as const})},
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('failedCompact' as const),
      afterPieces: fc.integer({min: 0, max: 12}),
    }),
  },
  {weight: 1, arbitrary: fc.constant({kind: 'reopen' as const})},
)

describe('openLakeStore: snapshots copied from the bytes already on disk', () => {
  test('openLakeStore: every snapshot is the serialised dataset, through commits, rewrites that fail and restarts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(storeStep, {maxLength: 14}),
        fc.constantFrom(16, 200, 1024 * 1024),
        async (steps, chunkSize) => {
          const dataFile = join(await mkdtemp(join(tmpdir(), 'newsroom-pieces-')), 'data.ndjson')
          let failAfter: number | undefined
          const writeSnapshot: LakeStoreFiles['writeSnapshot'] = (path, pieces, writeOptions) => {
            const limit = failAfter
            failAfter = undefined
            if (limit === undefined) return writeFileAtomic(path, pieces, writeOptions)
            // A disk that fills up part-way through the rewrite.
            return writeFileAtomic(path, failingAfter(pieces, limit), writeOptions)
          }
          const open = () =>
            openLakeStore(dataFile, {
              chunkSize,
              compactFloorBytes: 300,
              onCompactionError: () => undefined,
              files: {writeSnapshot},
            })
          const expected = new Map<string, SanityDocument>()
          let store = await open()
          for (const [index, step] of steps.entries()) {
            if (step.kind === 'commit') {
              await store.commit({
                transactionId: `tx-${index}`,
                timestamp: '2024-08-17T00:00:00Z',
                documents: step.changes.map(({n, deleted, extra}) => {
                  const document = article(n, extra)
                  if (deleted) expected.delete(document._id)
                  else expected.set(document._id, document)
                  return {id: document._id, after: deleted ? null : document}
                }),
              })
            } else if (step.kind === 'compact') {
              await store.compact()
              expect(await readFile(dataFile, 'utf8')).toBe(toNdjson(expected.values()))
            } else if (step.kind === 'failedCompact') {
              failAfter = step.afterPieces
              await store.compact().catch(() => undefined)
              failAfter = undefined
            } else {
              await store.close()
              store = await open()
            }
          }
          await store.close()
          // A store that never wrote leaves no file.
          const saved = await readFile(dataFile, 'utf8').catch(() => '')
          expect(saved).toBe(toNdjson(expected.values()))
        },
      ),
      {numRuns: 120},
    )
  })
})

/** The pieces, until `limit` of them have been taken: then the disk is full. */
function* failingAfter<T>(pieces: Iterable<T>, limit: number): Generator<T> {
  let taken = 0
  for (const piece of pieces) {
    if (taken++ === limit) throw diskError('ENOSPC', 'no space left on device, write')
    yield piece
  }
}

describe('openLakeStore: one store per data file', () => {
  test('openLakeStore: a second open of the same file fails naming it and the holder, until the first closes', async () => {
    const first = await openLakeStore(data)
    expect(await readFile(`${data}.lock`, 'utf8')).toBe(`${process.pid}\n`)
    await expect(openLakeStore(data)).rejects.toThrow(
      `lockDataFile(): ${data} is in use by process ${process.pid} (this one): stop it first (its lock is ${data}.lock; delete that only if no lake runs)`,
    )
    await first.commit(entry(1, [article(1)]))
    await first.close()
    await expect(stat(`${data}.lock`)).rejects.toThrow(/ENOENT/)
    await expect(first.commit(entry(2, [article(2)]))).rejects.toThrow(
      `openLakeStore(): ${data} is closed`,
    )

    const second = await openLakeStore(data)
    expect(second.get('article-0001')).toEqual(article(1))
    await second.close()
    expect(await readdir(folder)).toEqual(['production.ndjson', 'production.ndjson.journal'])
  })

  test('openLakeStore: a lock left by a process that is gone is taken over; a live one is not', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid
    await writeFile(`${data}.lock`, `${gone}\n`)
    const store = await openLakeStore(data)
    expect(await readFile(`${data}.lock`, 'utf8')).toBe(`${process.pid}\n`)
    await store.close()
    await expect(stat(`${data}.lock`)).rejects.toThrow(/ENOENT/)

    await writeFile(`${data}.lock`, `${process.ppid}\n`)
    await expect(openLakeStore(data)).rejects.toThrow(
      `lockDataFile(): ${data} is in use by process ${process.ppid}: stop it first`,
    )
    expect(await readFile(`${data}.lock`, 'utf8')).toBe(`${process.ppid}\n`)
    expect(await readdir(folder)).toEqual(['production.ndjson.lock'])
  })
})
