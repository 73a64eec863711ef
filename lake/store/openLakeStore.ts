import {mkdir, open, readFile, truncate, type FileHandle} from 'node:fs/promises'
import {dirname} from 'node:path'

import type {SanityDocument} from '@sanity/client'

import {readNdjson, toNdjson, writeFileAtomic} from '../../dataset'

/** A committed transaction as the journal records it: the documents' states after it. */
export interface JournalEntry {
  transactionId: string
  timestamp: string
  documents: {id: string; after: SanityDocument | null}[]
}

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

/** Transactions the journal holds before the snapshot is rewritten. */
const COMPACT_AFTER = 500

/**
 * Opens the dataset file (NDJSON, loadable by `sanity dataset import`) with its journal,
 * `<file>.journal`. Transactions are appended to the journal and fsynced before they are
 * acknowledged; the snapshot is rewritten atomically every few hundred transactions, on close,
 * and on open after replaying the journal. A torn last journal line (a crash mid-write) was never
 * acknowledged and is dropped, so a restart sees whole transactions only.
 *
 * @param path - the dataset file, e.g. `data/production.ndjson`
 * @returns the store
 */
export async function openLakeStore(path: string): Promise<LakeStore> {
  const journalPath = `${path}.journal`
  await mkdir(dirname(path), {recursive: true})
  const documents = new Map((await readNdjson(path)).map((document) => [document._id, document]))
  const replayed = await replayJournal(journalPath, documents)
  let journal: FileHandle | undefined
  let pending = 0

  const compact = async () => {
    await journal?.close()
    journal = undefined
    await writeFileAtomic(path, toNdjson(documents.values()))
    await truncate(journalPath, 0).catch(() => undefined)
    pending = 0
  }
  if (replayed > 0) await compact()

  return {
    get: (id) => documents.get(id),
    documents: () => documents.values(),
    commit: async (entry) => {
      journal ??= await open(journalPath, 'a')
      await journal.appendFile(`${JSON.stringify(entry)}\n`, 'utf8')
      await journal.datasync()
      applyEntry(entry, documents)
      if (++pending >= COMPACT_AFTER) await compact()
    },
    compact,
    // A lake that wrote nothing leaves the file as it was (or absent).
    close: async () => {
      if (pending > 0) await compact()
      else await journal?.close()
    },
  }
}

async function replayJournal(
  path: string,
  documents: Map<string, SanityDocument>,
): Promise<number> {
  const text = await readFile(path, 'utf8').catch(() => '')
  let count = 0
  for (const line of text.split('\n')) {
    const entry = parseEntry(line)
    if (!entry) continue
    applyEntry(entry, documents)
    count++
  }
  return count
}

function parseEntry(line: string): JournalEntry | undefined {
  if (line.trim() === '') return undefined
  try {
    const value: unknown = JSON.parse(line)
    return isJournalEntry(value) ? value : undefined
  } catch {
    return undefined
  }
}

function isJournalEntry(value: unknown): value is JournalEntry {
  return (
    typeof value === 'object' &&
    value !== null &&
    'transactionId' in value &&
    'documents' in value &&
    Array.isArray(value.documents)
  )
}

function applyEntry(entry: JournalEntry, documents: Map<string, SanityDocument>): void {
  for (const {id, after} of entry.documents) {
    if (after) documents.set(id, after)
    else documents.delete(id)
  }
}
