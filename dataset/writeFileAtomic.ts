import {randomBytes} from 'node:crypto'
import {type FileHandle, mkdir, open, rename, rm} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'

/** How {@link writeFileAtomic} writes. */
export interface WriteFileAtomicOptions {
  /**
   * Bytes gathered from `contents` before each write (1 MiB by default): few system calls
   * without building the whole file as one string. Small values exercise the joins in tests.
   */
  chunkSize?: number
}

/** UTF-8 bytes one UTF-16 code unit can take at most (a surrogate pair takes 4 for 2). */
const MAX_BYTES_PER_UNIT = 3

/**
 * Replaces a file's contents all at once: writes a temporary file beside it, flushes it to disk
 * and renames it over the original, so a crash leaves either the old or the new file, never
 * half of one. The contents may come as pieces (lines, say), so a file larger than the biggest
 * string V8 can hold can be written; they are encoded into a buffer of `chunkSize` bytes, written
 * whenever it is full.
 *
 * @param path - the file to replace
 * @param contents - its new contents: one string, or strings to write one after another
 * @param options - the write size
 * @returns the bytes written
 */
export async function writeFileAtomic(
  path: string,
  contents: string | Iterable<string> | AsyncIterable<string>,
  options: WriteFileAtomicOptions = {},
): Promise<number> {
  const chunkSize = options.chunkSize ?? 1024 * 1024
  await mkdir(dirname(path), {recursive: true})
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(temporary, 'w')
  let bytes = 0
  try {
    const buffer = Buffer.allocUnsafe(chunkSize)
    let used = 0
    // A string is iterable too, but by character: it is one piece.
    for await (const piece of typeof contents === 'string' ? [contents] : contents) {
      // Checked against the most bytes the piece could take, so it is never cut mid-character.
      if (used + piece.length * MAX_BYTES_PER_UNIT > chunkSize) {
        await writeAll(handle, buffer.subarray(0, used))
        used = 0
      }
      if (piece.length * MAX_BYTES_PER_UNIT > chunkSize) {
        bytes += await writeAll(handle, Buffer.from(piece, 'utf8'))
        continue
      }
      const written = buffer.write(piece, used, 'utf8')
      used += written
      bytes += written
    }
    await writeAll(handle, buffer.subarray(0, used))
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

/** Writes all of `bytes`: one `write` call may write less than it was given. */
async function writeAll(handle: FileHandle, bytes: Buffer): Promise<number> {
  for (let offset = 0; offset < bytes.length;) {
    const {bytesWritten} = await handle.write(bytes, offset, bytes.length - offset)
    offset += bytesWritten
  }
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
