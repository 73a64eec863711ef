import {open} from 'node:fs/promises'
import {extname} from 'node:path'

import {MAX_SOURCE_BYTES} from '../read/decodeText'
import {ImportError} from '../shared/ImportError'

/** File endings the importer reads: plain text and Markdown. */
export const SOURCE_EXTENSIONS = new Set(['.txt', '.md', '.markdown'])

/**
 * Reads a source file's bytes, refusing what cannot be an article before reading it whole.
 *
 * @param path - the file
 * @returns its contents
 * @throws ImportError naming the file when it is missing, unreadable, not .txt/.md, or over 5 MB
 */
export async function readSourceFile(path: string): Promise<Uint8Array> {
  if (!SOURCE_EXTENSIONS.has(extname(path).toLowerCase())) {
    throw new ImportError(path, 'not a .txt or .md file')
  }
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw new ImportError(path, describeFsError(error))
  })
  try {
    const info = await handle.stat()
    if (!info.isFile()) throw new ImportError(path, 'not a file')
    if (info.size > MAX_SOURCE_BYTES) {
      throw new ImportError(
        path,
        `file is ${(info.size / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB`,
      )
    }
    return await handle.readFile()
  } catch (error) {
    if (error instanceof ImportError) throw error
    throw new ImportError(path, describeFsError(error))
  } finally {
    await handle.close()
  }
}

function describeFsError(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? error.code : undefined
  if (code === 'ENOENT') return 'no such file or folder'
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read: permission denied'
  if (code === 'EISDIR') return 'is a folder with no .txt or .md files'
  return `cannot be read: ${error instanceof Error ? error.message : String(error)}`
}
