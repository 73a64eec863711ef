import {mkdir} from 'node:fs/promises'
import {dirname} from 'node:path'

import type {SanityDocument} from '@sanity/client'

import {
  streamNdjson,
  Utf8Builder,
  writeFileAtomic,
  type WriteFileAtomicOptions,
} from '../../dataset'
import {applyJournalEntry, encodeJournalLine, type JournalEntry} from './journalEntry'
import {fileSize, type JournalFile, openJournalFile, truncateFile} from './journalFile'
import {journalWriter} from './journalWriter'
import {lockDataFile} from './lockDataFile'
import {replayJournal} from './replayJournal'
import {type DocumentBytes, fileRangePieces, snapshotPieces} from './snapshotPieces'

export type {JournalEntry} from './journalEntry'
export type {JournalFile} from './journalFile'

/** The lake's documents, in memory, with every acknowledged transaction on disk. */
export interface LakeStore {
  get: (id: string) => SanityDocument | undefined
  documents: () => IterableIterator<SanityDocument>
  /**
   * Makes a transaction durable, then visible: appends it to the journal and flushes it to disk
   * before it changes what `get` returns. Resolves once the transaction survives a crash;
   * rejects, having changed nothing, when it could not be written. A snapshot rewrite that fails
   * afterwards does not fail it (it is retried later).
   */
  commit: (entry: JournalEntry) => Promise<void>
  /** Writes the snapshot and empties the journal; rejects, naming the file, when it cannot. */
  compact: () => Promise<void>
  /**
   * Resolves once no snapshot rewrite started by a commit is under way (one that fails is
   * reported, not rejected).
   */
  idle: () => Promise<void>
  /**
   * Writes the snapshot (if anything was written) and releases the data file. When the snapshot
   * cannot be written, rejects naming it; the journal keeps every transaction for the next open.
   */
  close: () => Promise<void>
}

/** The file operations of {@link openLakeStore}, which tests replace to fail like a full disk. */
export interface LakeStoreFiles {
  /** Opens the journal for appending ({@link openJournalFile}). */
  openJournal: (path: string) => Promise<JournalFile>
  /**
   * Replaces the snapshot with these pieces atomically ({@link writeFileAtomic}), written one
   * after another from the start of the file: the store reads documents back from where they
   * landed.
   */
  writeSnapshot: (
    path: string,
    pieces: Iterable<string | Uint8Array>,
    options: WriteFileAtomicOptions,
  ) => Promise<number>
  /**
   * Replaces the journal with the entries appended while a rewrite that commits did not wait for
   * was written ({@link writeFileAtomic}).
   */
  replaceJournal: (
    path: string,
    pieces: Iterable<Uint8Array>,
    options: WriteFileAtomicOptions,
  ) => Promise<number>
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
  /**
   * Hears of a snapshot rewrite that failed after a commit or on open (a full disk, say): the
   * journal still holds every transaction, and the rewrite is retried later. A line on stderr
   * by default.
   */
  onCompactionError?: (error: Error) => void
  /** File operations to use instead of the real ones (for tests). */
  files?: Partial<LakeStoreFiles>
}

/**
 * Opens the dataset file (NDJSON, loadable by `sanity dataset import`) with its journal,
 * `<file>.journal`, and locks it (`<file>.lock`) so no other lake or store writes it meanwhile.
 * Transactions are appended to the journal and fsynced before they are acknowledged; an append
 * that fails is cut away again, so the journal always ends with a whole entry. The snapshot is
 * rewritten atomically once the journal has grown as large as the snapshot (and at least
 * `compactFloorBytes`), so the rewrites of a growing dataset cost time linear in its size; the
 * commits after the one that starts a rewrite do not wait for it. Also on close, and on open
 * after replaying the journal. A rewrite that fails leaves the journal as
 * it is, and is tried again once the journal has doubled (or on close). A torn last journal
 * line (a crash mid-write) was never acknowledged and is dropped; any other unreadable line
 * stops the open. Both files are read and written a chunk at a time, so neither has to fit in
 * one string.
 *
 * @param path - the dataset file, e.g. `data/production.ndjson`
 * @param options - compaction threshold, chunk size, and file operations
 * @returns the store
 * @throws Error naming the file and process when another holds it, or the journal's file and
 *   line when a line before its last is unreadable
 */
export async function openLakeStore(
  path: string,
  options: LakeStoreOptions = {},
): Promise<LakeStore> {
  const journalPath = `${path}.journal`
  const floor = options.compactFloorBytes ?? 8 * 1024 * 1024
  const chunking = options.chunkSize === undefined ? {} : {chunkSize: options.chunkSize}
  const files: LakeStoreFiles = {
    openJournal: openJournalFile,
    writeSnapshot: writeFileAtomic,
    replaceJournal: writeFileAtomic,
    ...options.files,
  }
  const report =
    options.onCompactionError ?? ((error: Error) => process.stderr.write(`${error.message}\n`))
  await mkdir(dirname(path), {recursive: true})
  const lock = await lockDataFile(path)
  const documents = new Map<string, SanityDocument>()
  const load = async () => {
    for await (const document of streamNdjson(path, chunking)) {
      documents.set(document._id, document)
    }
    const replayed = await replayJournal(journalPath, documents, chunking)
    // A torn last line goes, so the next entry does not join it.
    if ((await fileSize(journalPath)) > replayed.wholeBytes) {
      await truncateFile(journalPath, replayed.wholeBytes)
    }
    return {snapshot: await fileSize(path), replay: replayed}
  }
  const {snapshot, replay} = await load().catch(async (error: unknown) => {
    await lock.release()
    throw error
  })
  let snapshotBytes = snapshot
  let journal = journalWriter(journalPath, files.openJournal, replay.wholeBytes)
  // The journal's length: it ends with a whole entry.
  let journalEnd = replay.wholeBytes
  // Journal bytes the snapshot does not hold; replayed ones count until a compaction succeeds.
  let journalBytes = replay.wholeBytes
  // After a failed compaction, journal bytes before the next try: it is not retried after every
  // commit, which would rewrite the whole dataset per write while the disk is full.
  let retryAt = 0
  let closed = false
  // A rewrite a commit started, which later commits do not wait for (see `compactBehind`).
  let behind: Promise<void> | undefined
  // Set while a compaction on request or on close waits its turn: no commit starts another.
  let holding = 0
  // Commits run one at a time, so one buffer serves every journal line.
  const lineBuilder = new Utf8Builder()
  // Where documents written since the store opened lie on disk, so a snapshot rewrite copies
  // their bytes instead of serialising them again.
  let stored = new Map<string, DocumentBytes>()
  let queue: Promise<unknown> = Promise.resolve()
  // One operation at a time: a failed append is cut back to where it began.
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task)
    queue = run.catch(() => undefined)
    return run
  }
  const failure = (error: unknown, when: string, then: string) =>
    new Error(
      `openLakeStore(): rewriting ${path} ${when} failed (${error instanceof Error ? error.message : String(error)}); ${journalPath} keeps every transaction${then}`,
      {cause: error},
    )
  const assertOpen = () => {
    if (closed) throw new Error(`openLakeStore(): ${path} is closed`)
  }

  /**
   * Starts writing the snapshot of the dataset as it is now. With `copied`, it reads a copy of the
   * dataset and of where its documents' bytes lie, so commits may go on meanwhile; the writer is
   * called before this returns either way.
   */
  const startRewrite = (copied: boolean) => {
    const sealedAt = journalEnd
    const landed = new Map<string, DocumentBytes>()
    const datasetFiles = {snapshot: path, journal: journalPath}
    const [dataset, bytesAt] = copied ? [new Map(documents), new Map(stored)] : [documents, stored]
    const pieces = snapshotPieces(dataset, bytesAt, datasetFiles, landed, options.chunkSize)
    // A writer that throws instead of rejecting fails the rewrite, not the caller.
    const written = (async () => files.writeSnapshot(path, pieces, chunking))()
    return {sealedAt, landed, written}
  }
  /**
   * Takes a written snapshot in, between two commits: it holds the dataset as it was at
   * `sealedAt`, so the journal is cut to what was appended since (copied to a new file that
   * replaces it atomically; emptied when nothing was). Until then the journal still holds every
   * entry the snapshot does, which a restart replays harmlessly.
   */
  const takeSnapshot = async (rewrite: ReturnType<typeof startRewrite>, bytes: number) => {
    const {sealedAt, landed} = rewrite
    snapshotBytes = bytes
    // Documents written since the rewrite began lie in the journal, after `sealedAt`.
    for (const [id, where] of stored) {
      if (where.file === 'journal' && where.offset >= sealedAt) landed.set(id, where)
    }
    stored = landed
    const tail = journalEnd - sealedAt
    await journal.close()
    if (tail === 0) await journal.empty().catch(() => undefined)
    else {
      await files.replaceJournal(
        journalPath,
        fileRangePieces(journalPath, sealedAt, journalEnd, options.chunkSize),
        chunking,
      )
      journal = journalWriter(journalPath, files.openJournal, tail)
      for (const [id, where] of stored) {
        if (where.file === 'journal') stored.set(id, {...where, offset: where.offset - sealedAt})
      }
    }
    journalEnd = tail
    journalBytes = tail
    retryAt = 0
  }
  // Inside `serially`: no commit comes between the rewrite and the cut, so the journal is emptied.
  const compact = async () => {
    const rewrite = startRewrite(false)
    await takeSnapshot(rewrite, await rewrite.written)
  }
  // The journal holds every transaction already: a failed rewrite costs time, not data.
  const compactOrReport = async (when: string) => {
    try {
      await compact()
    } catch (error) {
      retryAt = 2 * journalBytes
      report(failure(error, when, ', and the rewrite is retried later'))
    }
  }
  if (replay.transactions > 0) await compactOrReport('after replaying its journal')

  /**
   * A rewrite started by a commit (inside `serially`), which the commits after it do not wait for:
   * the snapshot is written from a copy of the dataset while they go on being appended to the
   * journal, and taken in between two later commits.
   */
  const compactBehind = (): Promise<void> => {
    const rewrite = startRewrite(true)
    return rewrite.written.then(
      (bytes) =>
        serially(() => takeSnapshot(rewrite, bytes)).catch((error: unknown) => {
          // The snapshot was replaced and the journal still holds every entry: right, if long.
          retryAt = 2 * journalBytes
          report(
            new Error(
              `openLakeStore(): cutting ${journalPath} after rewriting ${path} failed (${error instanceof Error ? error.message : String(error)}); it keeps every transaction, and is cut at the next rewrite`,
              {cause: error},
            ),
          )
        }),
      (error: unknown) => {
        retryAt = 2 * journalBytes
        report(failure(error, 'after a commit', ', and the rewrite is retried later'))
      },
    )
  }
  const idle = async () => {
    while (behind) await behind
  }
  // A compaction on request or on close waits for one a commit started, and keeps others off.
  const exclusively = async <T>(task: () => Promise<T>): Promise<T> => {
    holding++
    try {
      await idle()
      return await serially(task)
    } finally {
      holding--
    }
  }

  return {
    get: (id) => documents.get(id),
    documents: () => documents.values(),
    commit: (entry) =>
      serially(async () => {
        assertOpen()
        const ranges: {id: string; start: number; end: number}[] = []
        const line = encodeJournalLine(entry, lineBuilder, (id, start, end) =>
          ranges.push({id, start, end}),
        )
        const lineStart = await journal.append(line)
        applyJournalEntry(entry, documents)
        // An id written twice keeps its later bytes, as it keeps its later state. A place left
        // for a document the entry deletes is never read: snapshots take stored documents only.
        for (const {id} of entry.documents) stored.delete(id)
        for (const {id, start, end} of ranges) {
          stored.set(id, {file: 'journal', offset: lineStart + start, length: end - start})
        }
        journalEnd = lineStart + line.length
        journalBytes += line.length
        if (!behind && holding === 0 && journalBytes >= Math.max(snapshotBytes, floor, retryAt)) {
          const running = compactBehind().finally(() => {
            if (behind === running) behind = undefined
          })
          behind = running
        }
      }),
    idle,
    compact: () =>
      exclusively(async () => {
        assertOpen()
        await compact().catch((error: unknown) => {
          throw failure(error, 'on request', '')
        })
      }),
    close: () =>
      exclusively(async () => {
        if (closed) return
        closed = true
        try {
          // A lake that wrote nothing leaves the file as it was (or absent).
          if (journalBytes === 0) await journal.close()
          else
            await compact().catch((error: unknown) => {
              throw failure(error, 'on close', ', which the next start replays')
            })
        } finally {
          await journal.close().catch(() => undefined)
          await lock.release()
        }
      }),
  }
}
