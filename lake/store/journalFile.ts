import {open, stat} from 'node:fs/promises'

import {isNotFound, type OpenFile} from '../../dataset'

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
 * @param openFile - opens the file (`open` of `node:fs/promises` by default)
 * @returns the open file
 */
export async function openJournalFile(
  path: string,
  openFile: OpenFile = open,
): Promise<JournalFile> {
  const handle = await openFile(path, 'a')
  return {
    appendFile: (bytes) => handle.appendFile(bytes),
    datasync: () => handle.datasync(),
    truncate: (length) => handle.truncate(length),
    close: () => handle.close(),
  }
}

/**
 * Cuts a file to `length` bytes and flushes that to disk, so bytes appended afterwards follow
 * the first `length` directly, even after a power loss.
 *
 * @param path - the file, which must exist
 * @param length - the bytes to keep
 * @param openFile - opens the file (`open` of `node:fs/promises` by default)
 */
export async function truncateFile(
  path: string,
  length: number,
  openFile: OpenFile = open,
): Promise<void> {
  const handle = await openFile(path, 'r+')
  try {
    await handle.truncate(length)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Truncates a file to nothing and flushes that to disk, so bytes appended afterwards cannot
 * land after stale ones, even after a power loss. A missing file stays missing.
 *
 * @param path - the file
 * @param openFile - opens the file (`open` of `node:fs/promises` by default)
 */
export async function emptyFile(path: string, openFile: OpenFile = open): Promise<void> {
  const handle = await openFile(path, 'r+').catch((error: unknown) => {
    if (isNotFound(error)) return undefined
    throw error
  })
  if (!handle) return
  try {
    await handle.truncate(0)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Measures a file.
 *
 * @param path - the file
 * @returns its size in bytes; 0 when it does not exist
 */
export async function fileSize(path: string): Promise<number> {
  return stat(path).then(
    ({size}) => size,
    (error: unknown) => {
      if (isNotFound(error)) return 0
      throw error
    },
  )
}
