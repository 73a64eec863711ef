import {closeSync, openSync, readSync} from 'node:fs'

import type {SanityDocument} from '@sanity/client'

/**
 * Where a stored document's JSON lies in one of the dataset's files, byte for byte
 * `JSON.stringify(document)`: in the snapshot (a line of it, without its newline) or in a
 * journal line.
 */
export interface DocumentBytes {
  file: 'snapshot' | 'journal'
  offset: number
  length: number
}

/** The files a {@link DocumentBytes} points into. */
export interface DatasetFiles {
  snapshot: string
  journal: string
}

/**
 * The lines of a new snapshot, sorted by id as `ndjsonLines` sorts them, as pieces for
 * `writeFileAtomic`: each document's JSON copied from where it already lies on disk, and
 * serialised only when it lies nowhere (read from an older snapshot, or replayed). A snapshot
 * of a gigabyte is then mostly copied, not serialised again. Where each document lands in the
 * new snapshot goes into `landed`, complete once the pieces are all taken; it holds only when
 * they are written one after another, from the start of the file.
 *
 * @param documents - the dataset, by id
 * @param stored - where documents' JSON lies in the current snapshot or journal
 * @param files - the current snapshot and journal
 * @param landed - filled with where each document lies in the new snapshot
 * @param windowBytes - bytes read from a file at a time (1 MiB by default): one read serves the
 *   many documents that lie side by side
 * @returns the pieces: strings, and bytes read from the files
 * @throws Error naming the file when a document's bytes are no longer all there
 */
export function* snapshotPieces(
  documents: ReadonlyMap<string, SanityDocument>,
  stored: ReadonlyMap<string, DocumentBytes>,
  files: DatasetFiles,
  landed: Map<string, DocumentBytes>,
  windowBytes = 1024 * 1024,
): Generator<string | Uint8Array, void, undefined> {
  const readers = {
    snapshot: fileWindow(files.snapshot, windowBytes, 'snapshotPieces'),
    journal: fileWindow(files.journal, windowBytes, 'snapshotPieces'),
  }
  try {
    let offset = 0
    for (const id of [...documents.keys()].sort()) {
      const where = stored.get(id)
      let length: number
      if (where) {
        length = where.length
        yield readers[where.file].read(where.offset, length)
        yield '\n'
      } else {
        const json = JSON.stringify(documents.get(id))
        length = Buffer.byteLength(json)
        yield `${json}\n`
      }
      landed.set(id, {file: 'snapshot', offset, length})
      offset += length + 1
    }
  } finally {
    readers.snapshot.close()
    readers.journal.close()
  }
}

/**
 * Bytes `start` to `end` of a file, as pieces for `writeFileAtomic`: read a window at a time,
 * so a range of any size is copied without holding it whole.
 *
 * @param path - the file
 * @param start - the first byte
 * @param end - the byte after the last
 * @param windowBytes - bytes read at a time (1 MiB by default)
 * @returns the pieces, in order
 * @throws Error naming the file when it ends before `end`
 */
export function* fileRangePieces(
  path: string,
  start: number,
  end: number,
  windowBytes = 1024 * 1024,
): Generator<Uint8Array, void, undefined> {
  const reader = fileWindow(path, windowBytes, 'fileRangePieces')
  try {
    for (let offset = start; offset < end; offset += windowBytes) {
      yield reader.read(offset, Math.min(windowBytes, end - offset))
    }
  } finally {
    reader.close()
  }
}

/** Reads a file a window at a time, opening it at the first read; errors name `operation`. */
function fileWindow(path: string, windowBytes: number, operation: string) {
  let descriptor: number | undefined
  let window = Buffer.alloc(0)
  let windowStart = 0
  return {
    read: (offset: number, length: number): Buffer => {
      if (offset < windowStart || offset + length > windowStart + window.length) {
        descriptor ??= openSync(path, 'r')
        // A fresh buffer each time: pieces already handed out stay as they were.
        window = Buffer.allocUnsafe(Math.max(windowBytes, length))
        windowStart = offset
        const read = readSync(descriptor, window, 0, window.length, offset)
        window = window.subarray(0, read)
        if (read < length) {
          throw new Error(
            `${operation}(): ${path} ends at ${offset + read} bytes, before bytes ${offset}–${offset + length} that were written to it`,
          )
        }
      }
      return window.subarray(offset - windowStart, offset - windowStart + length)
    },
    close: () => {
      if (descriptor !== undefined) closeSync(descriptor)
      descriptor = undefined
    },
  }
}
