import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {beforeEach, describe, expect, test} from 'vitest'

import {openJournalFile} from '../lake/store/journalFile'
import {type JournalWriter, journalWriter} from '../lake/store/journalWriter'
import {type FileFaults, recordingOpen} from './support/recordingOpen'
import {rejectionOf} from './support/rejection'

let path: string

beforeEach(async () => {
  path = join(await mkdtemp(join(tmpdir(), 'newsroom-writer-')), 'production.ndjson.journal')
})

/** A writer of `path`, whose calls go to `calls`, failing as `faults` says. */
function writer(calls: string[], faults: Partial<FileFaults>, size = 0): JournalWriter {
  return journalWriter(path, (file) => openJournalFile(file, recordingOpen(calls, faults)), size)
}

const noFaults = (): FileFaults => ({halfAppends: 0, datasyncs: 0, truncates: 0})
const entry = (n: number) => Buffer.from(`{"transactionId":"tx-${n}","documents":[]}\n`, 'utf8')

describe('journalWriter', () => {
  test('journalWriter: opens the file on the first append, then one write and one datasync each', async () => {
    const calls: string[] = []
    const journal = writer(calls, noFaults())
    expect(calls).toEqual([])
    // Each append resolves with where its line begins.
    expect(await journal.append(entry(1))).toBe(0)
    expect(await journal.append(entry(2))).toBe(entry(1).length)
    expect(calls).toEqual([
      'open a',
      `appendFile ${entry(1).length}`,
      'datasync',
      `appendFile ${entry(2).length}`,
      'datasync',
    ])
    expect(await readFile(path)).toEqual(Buffer.concat([entry(1), entry(2)]))
    await journal.close()
  })

  test('journalWriter: close closes the file, and the next append opens it again', async () => {
    const calls: string[] = []
    const journal = writer(calls, noFaults())
    await journal.close()
    expect(calls).toEqual([])
    await journal.append(entry(1))
    await journal.close()
    await journal.close()
    await journal.append(entry(2))
    await journal.close()
    expect(calls).toEqual([
      'open a',
      `appendFile ${entry(1).length}`,
      'datasync',
      'close',
      'open a',
      `appendFile ${entry(2).length}`,
      'datasync',
      'close',
    ])
  })

  test.each([
    {
      n: 1,
      faults: {halfAppends: 1, datasyncs: 0, truncates: 0},
      failed: [`appendFile ${entry(2).length} failed`],
      message: 'ENOSPC: no space left on device, write',
    },
    {
      n: 2,
      faults: {halfAppends: 0, datasyncs: 1, truncates: 0},
      failed: [`appendFile ${entry(2).length}`, 'datasync failed'],
      message: 'EIO: i/o error, fdatasync',
    },
  ])(
    'journalWriter: failed append $n is cut back to the last whole entry and rejects with its cause',
    async ({faults, failed, message}) => {
      // The journal already holds one entry when the writer starts.
      await writeFile(path, entry(1))
      const calls: string[] = []
      const journal = writer(calls, faults, entry(1).length)
      const error = await rejectionOf(journal.append(entry(2)))
      expect(error).toBeInstanceOf(Error)
      expect(error).toMatchObject({
        message: `LakeStore.commit(): appending to ${path} failed (${message}); the transaction was not applied`,
        cause: {message},
      })
      expect(calls).toEqual(['open a', ...failed, `truncate ${entry(1).length}`, 'datasync'])
      expect(await readFile(path)).toEqual(entry(1))

      // Nothing is left to cut: the next append is one write and one datasync, where the
      // failed one would have begun.
      calls.length = 0
      expect(await journal.append(entry(3))).toBe(entry(1).length)
      await journal.close()
      expect(calls).toEqual([`appendFile ${entry(3).length}`, 'datasync', 'close'])
      expect(await readFile(path)).toEqual(Buffer.concat([entry(1), entry(3)]))
    },
  )

  test('journalWriter: a tail that could not be cut back is cut away on close', async () => {
    const calls: string[] = []
    const faults = noFaults()
    const journal = writer(calls, faults)
    await journal.append(entry(1))
    Object.assign(faults, {datasyncs: 1, truncates: 1})
    expect(await rejectionOf(journal.append(entry(2)))).toMatchObject({
      message: `LakeStore.commit(): appending to ${path} failed (EIO: i/o error, fdatasync); the transaction was not applied, but the journal could not be cut back yet, so it may reappear after a crash`,
    })
    expect(await readFile(path)).toEqual(Buffer.concat([entry(1), entry(2)]))

    calls.length = 0
    await journal.close()
    expect(calls).toEqual([`truncate ${entry(1).length}`, 'datasync', 'close'])
    expect(await readFile(path)).toEqual(entry(1))
  })

  test('journalWriter: the next append cuts the tail back first, and writes nothing when it cannot', async () => {
    const calls: string[] = []
    const faults = noFaults()
    const journal = writer(calls, faults)
    await journal.append(entry(1))
    Object.assign(faults, {halfAppends: 1, truncates: 2})
    await expect(journal.append(entry(2))).rejects.toThrow(/could not be cut back yet/)

    calls.length = 0
    const error = await rejectionOf(journal.append(entry(3)))
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({
      message: `LakeStore.commit(): cutting ${path} back to its last whole entry failed (EIO: i/o error, ftruncate); nothing was appended`,
      cause: {message: 'EIO: i/o error, ftruncate', code: 'EIO'},
    })
    expect(calls).toEqual([`truncate ${entry(1).length} failed`])

    calls.length = 0
    expect(await journal.append(entry(4))).toBe(entry(1).length)
    expect(calls).toEqual([
      `truncate ${entry(1).length}`,
      'datasync',
      `appendFile ${entry(4).length}`,
      'datasync',
    ])
    expect(await readFile(path)).toEqual(Buffer.concat([entry(1), entry(4)]))
    await journal.close()
  })

  test('journalWriter: empty closes and empties the journal, and the next append starts it anew', async () => {
    const calls: string[] = []
    const journal = writer(calls, noFaults())
    await journal.append(entry(1))
    await journal.empty()
    expect(await readFile(path)).toEqual(Buffer.alloc(0))

    calls.length = 0
    await journal.append(entry(2))
    expect(calls).toEqual(['open a', `appendFile ${entry(2).length}`, 'datasync'])
    expect(await readFile(path)).toEqual(entry(2))
    await journal.close()
  })

  test('journalWriter: when emptying fails it rejects, and the next append first cuts the journal to nothing', async () => {
    const calls: string[] = []
    const journal = writer(calls, noFaults())
    await journal.append(entry(1))
    // A directory in its place: the journal cannot be opened to be emptied.
    await rm(path)
    await mkdir(path)
    await expect(journal.empty()).rejects.toMatchObject({code: 'EISDIR'})
    await rm(path, {recursive: true})
    // What a failed emptying may leave: the old entries, all in the snapshot already.
    await writeFile(path, Buffer.concat([entry(1), entry(2)]))

    calls.length = 0
    await journal.append(entry(3))
    expect(calls).toEqual([
      'open a',
      'truncate 0',
      'datasync',
      `appendFile ${entry(3).length}`,
      'datasync',
    ])
    expect(await readFile(path)).toEqual(entry(3))
    await journal.close()
  })
})
