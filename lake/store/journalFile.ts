import {open} from 'node:fs/promises'

/** The operations the lake's store performs on its open journal file. */
export interface JournalFile {
  /** Appends bytes at the end of the file (which may write some of them, then fail). */
  appendFile: (bytes: Buffer) => Promise<void>
  /** Flushes the file's data to disk. */
  datasync: () => Promise<void>
  /** Cuts the file to `length` bytes. */
  truncate: (length: number) => Promise<void>
  close: () => Promise<void>
}

/**
 * Opens a journal for appending: the real file operations, which tests wrap to fail like a
 * full disk.
 *
 * @param path - the journal file, created if missing
 * @returns the open file
 */
export async function openJournalFile(path: string): Promise<JournalFile> {
  const handle = await open(path, 'a')
  return {
    appendFile: (bytes) => handle.appendFile(bytes),
    datasync: () => handle.datasync(),
    truncate: (length) => handle.truncate(length),
    close: () => handle.close(),
  }
}
