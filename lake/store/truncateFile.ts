import {open} from 'node:fs/promises'

/**
 * Cuts a file to `length` bytes and flushes that to disk, so bytes appended afterwards follow
 * the first `length` directly, even after a power loss.
 *
 * @param path - the file, which must exist
 * @param length - the bytes to keep
 */
export async function truncateFile(path: string, length: number): Promise<void> {
  const handle = await open(path, 'r+')
  try {
    await handle.truncate(length)
    await handle.sync()
  } finally {
    await handle.close()
  }
}
