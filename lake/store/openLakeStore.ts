import {mkdir, open, type FileHandle} from 'node:fs/promises'
import {dirname} from 'node:path'

import type {SanityDocument} from '@sanity/client'

import {ndjsonLines, streamNdjson, writeFileAtomic} from '../../dataset'
import {applyJournalEntry} from './applyJournalEntry'
import {emptyFile} from './emptyFile'
import {fileSize} from './fileSize'
import type {JournalEntry} from './journalEntry'
import {replayJournal} from './replayJournal'

export type {JournalEntry} from './journalEntry'

/** The lake's documents, in memory, with every acknowledged transaction on disk. */
export interface LakeStore {
  get: (id: string) => SanityDocument | undefined
  documents: () => IterableIterator<SanityDocument>
  /**
   * Makes a transaction durable, then visible: appends it to the journal and flushes it to disk
   * before it changes what `get` returns. Resolves once the transaction survives a crash.
   */
  commit: (entry: JournalEntry) => Promise<void>
  /** Writes the snapshot and empties the journal. */
  compact: () => Promise<void>
  close: () => Promise<void>
}

/** Tuning for {@link openLakeStore}; the defaults suit datasets from empty to gigabytes. */
export interface LakeStoreOptions {
  /**
   * Journal bytes that always warrant a compaction, however small the snapshot (8 MiB by
   * default), so a small lake does not rewrite its snapshot after every transaction.
   */
  compactFloorBytes?: number
  /** Bytes read, and characters gathered per write, at a time (1 MiB by default). */
  chunkSize?: number
}

/**
 * Opens the dataset file (NDJSON, loadable by `sanity dataset import`) with its journal,
 * `<file>.journal`. Transactions are appended to the journal and fsynced before they are
 * acknowledged. The snapshot is rewritten atomically once the journal has grown as large as the
 * snapshot (and at least `compactFloorBytes`), so the rewrites of a growing dataset cost time
 * linear in its size; also on close, and on open after replaying the journal. A torn last
 * journal line (a crash mid-write) was never acknowledged and is dropped, so a restart sees
 * whole transactions only. Both files are read and written a chunk at a time, so neither has to
 * fit in one string.
 *
 * @param path - the dataset file, e.g. `data/production.ndjson`
 * @param options - compaction threshold and chunk size
 * @returns the store
 */
export async function openLakeStore(
  path: string,
  options: LakeStoreOptions = {},
): Promise<LakeStore> {
  const journalPath = `${path}.journal`
  const floor = options.compactFloorBytes ?? 8 * 1024 * 1024
  const chunking = options.chunkSize === undefined ? {} : {chunkSize: options.chunkSize}
  await mkdir(dirname(path), {recursive: true})
  const documents = new Map<string, SanityDocument>()
  for await (const document of streamNdjson(path, chunking)) documents.set(document._id, document)
  let snapshotBytes = await fileSize(path)
  const replayed = await replayJournal(journalPath, documents, chunking)
  let journal: FileHandle | undefined
  let journalBytes = 0

  const compact = async () => {
    await journal?.close()
    journal = undefined
    snapshotBytes = await writeFileAtomic(path, ndjsonLines(documents.values()), chunking)
    // The snapshot now holds every entry, and replaying one twice is harmless.
    await emptyFile(journalPath).catch(() => undefined)
    journalBytes = 0
  }
  if (replayed > 0) await compact()
  // Only a torn line: new entries appended after it would be unreadable.
  else if ((await fileSize(journalPath)) > 0) await emptyFile(journalPath)

  return {
    get: (id) => documents.get(id),
    documents: () => documents.values(),
    commit: async (entry) => {
      journal ??= await open(journalPath, 'a')
      const line = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8')
      await journal.appendFile(line)
      await journal.datasync()
      applyJournalEntry(entry, documents)
      journalBytes += line.length
      if (journalBytes >= Math.max(snapshotBytes, floor)) await compact()
    },
    compact,
    // A lake that wrote nothing leaves the file as it was (or absent).
    close: async () => {
      if (journalBytes > 0) await compact()
      else await journal?.close()
    },
  }
}
