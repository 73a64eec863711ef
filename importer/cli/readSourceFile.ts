import {closeSync, constants, fstatSync, openSync, readSync} from 'node:fs'
import {extname} from 'node:path'

import {MAX_SOURCE_BYTES} from '../read/decodeText'
import {ImportError} from '../shared/ImportError'

/** File endings the importer reads: plain text and Markdown. */
export const SOURCE_EXTENSIONS = new Set(['.txt', '.md', '.markdown'])

/**
 * Reads a source file's bytes, refusing what cannot be an article before reading it whole.
 * The reads are synchronous: a source file is small, and over a 100,000-file archive the four
 * thread-pool round trips per file of `fs/promises` cost the main thread about 200 µs a file,
 * ten times the read itself. Opening without blocking means a named pipe is refused as not a
 * file rather than waited on.
 *
 * @param path - the file
 * @returns its contents
 * @throws ImportError naming the file when it is missing, unreadable, not .txt/.md, or over 5 MB
 */
export async function readSourceFile(path: string): Promise<Uint8Array> {
  if (!SOURCE_EXTENSIONS.has(extname(path).toLowerCase())) {
    throw new ImportError(path, 'not a .txt or .md file')
  }
  let descriptor: number
  try {
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    throw new ImportError(path, describeFsError(error))
  }
  try {
    const info = fstatSync(descriptor)
    if (!info.isFile()) throw new ImportError(path, 'not a file')
    if (info.size > MAX_SOURCE_BYTES) {
      throw new ImportError(
        path,
        `file is ${(info.size / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB`,
      )
    }
    return readWhole(descriptor, info.size)
  } catch (error) {
    if (error instanceof ImportError) throw error
    throw new ImportError(path, describeFsError(error))
  } finally {
    closeSync(descriptor)
  }
}

/**
 * Reads a file of a known size: `readFileSync` would ask for its size again. A file cut short
 * meanwhile gives the bytes it has. The bytes have a buffer of their own, never a slice of
 * Node's shared pool (which postMessage copies instead of moving), so they move to the
 * conversion worker without a copy.
 */
function readWhole(descriptor: number, size: number): Uint8Array {
  const bytes = Buffer.allocUnsafeSlow(size)
  let filled = 0
  while (filled < size) {
    const read = readSync(descriptor, bytes, filled, size - filled, null)
    if (read === 0) break
    filled += read
  }
  return bytes.subarray(0, filled)
}

function describeFsError(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? error.code : undefined
  if (code === 'ENOENT') return 'no such file or folder'
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read: permission denied'
  if (code === 'EISDIR') return 'is a folder with no .txt or .md files'
  return `cannot be read: ${error instanceof Error ? error.message : String(error)}`
}
