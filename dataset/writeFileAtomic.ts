import {randomBytes} from 'node:crypto'
import {mkdir, open, rename, rm} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'

import {Utf8Builder} from './jsonBytes'

/** How {@link writeFileAtomic} writes. */
export interface WriteFileAtomicOptions {
  /**
   * Bytes gathered from `contents` before each write (1 MiB by default): few system calls
   * without building the whole file as one string. Small values exercise the joins in tests.
   */
  chunkSize?: number
  /**
   * Bytes written between flushes to disk while writing (8 MiB by default), as well as the one
   * at the end. Flushed all at once, a large file's hundreds of megabytes are written out in one
   * go, and every other flush on the disk meanwhile (a journal's, before it acknowledges a write)
   * waits behind them; flushed as it goes, each waits for a few megabytes at most.
   */
  syncBytes?: number
  /** Opens the temporary file (`'w'`): `open` of `node:fs/promises` unless given. */
  open?: OpenFile
}

/** The calls made on an open file by this module and the lake's journal: those of `FileHandle`. */
export interface FileHandleLike {
  appendFile: (bytes: Buffer) => Promise<void>
  datasync: () => Promise<void>
  sync: () => Promise<void>
  truncate: (length: number) => Promise<void>
  close: () => Promise<void>
}

/**
 * Opens a file as `open` of `node:fs/promises` does: `'w'` to write anew, `'a'` to append, `'r+'`
 * to rewrite in place. Tests pass one that records the calls made on the file, to see what is
 * flushed and when.
 */
export type OpenFile = (path: string, flags: 'w' | 'a' | 'r+') => Promise<FileHandleLike>

/**
 * Replaces a file's contents all at once: writes a temporary file beside it, flushes it to disk
 * and renames it over the original, so a crash leaves either the old or the new file, never
 * half of one. The contents may come as pieces (lines, say), so a file larger than the biggest
 * string V8 can hold can be written; they are encoded into a reused buffer, written whenever it
 * holds `chunkSize` bytes, and flushed every `syncBytes`. A piece may be bytes already, copied as
 * they are; each piece is copied before the next is asked for.
 *
 * @param path - the file to replace
 * @param contents - its new contents: one string, or pieces (strings or UTF-8 bytes) to write
 *   one after another
 * @param options - the write size, how often to flush, and how the file is opened
 * @returns the bytes written
 */
export async function writeFileAtomic(
  path: string,
  contents: string | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
  options: WriteFileAtomicOptions = {},
): Promise<number> {
  const chunkSize = options.chunkSize ?? 1024 * 1024
  const syncBytes = options.syncBytes ?? 8 * 1024 * 1024
  await mkdir(dirname(path), {recursive: true})
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await (options.open ?? open)(temporary, 'w')
  let bytes = 0
  let synced = 0
  try {
    // Pieces are encoded into one reused buffer and written whenever it holds a chunk. It is kept
    // up to a few chunks (a piece needs room for its longest encoding); a piece larger than that
    // grows it for once.
    const buffer = new Utf8Builder(4 * chunkSize)
    // A string is iterable too, but by character: it is one piece.
    for await (const piece of typeof contents === 'string' ? [contents] : contents) {
      if (typeof piece === 'string') buffer.append(piece)
      else buffer.appendBytes(piece)
      if (buffer.byteLength < chunkSize) continue
      bytes += await append(handle, buffer.bytes())
      buffer.reset()
      if (bytes - synced < syncBytes) continue
      await handle.datasync()
      synced = bytes
    }
    bytes += await append(handle, buffer.bytes())
    await handle.sync()
  } catch (error) {
    await handle.close()
    await rm(temporary, {force: true})
    throw error
  }
  await handle.close()
  await rename(temporary, path)
  await syncDirectory(dirname(path))
  return bytes
}

/** Appends `bytes` (all of them: `appendFile` writes until done), unless there are none. */
async function append(handle: FileHandleLike, bytes: Buffer): Promise<number> {
  if (bytes.length > 0) await handle.appendFile(bytes)
  return bytes.length
}

/**
 * Flushes the rename itself to disk, so after a power loss the new file is there once this
 * resolves (callers may then drop what it replaces, such as a journal). Not every platform can
 * open a directory (Windows cannot); there the rename is as durable as the system makes it.
 */
async function syncDirectory(path: string): Promise<void> {
  const directory = await open(path, 'r').catch(() => undefined)
  if (!directory) return
  try {
    await directory.sync().catch(() => undefined)
  } finally {
    await directory.close()
  }
}
