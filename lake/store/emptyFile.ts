import {open} from 'node:fs/promises'

import {isNotFound} from '../../dataset'

/**
 * Truncates a file to nothing and flushes that to disk, so bytes appended afterwards cannot
 * land after stale ones, even after a power loss. A missing file stays missing.
 *
 * @param path - the file
 */
export async function emptyFile(path: string): Promise<void> {
  const handle = await open(path, 'r+').catch((error: unknown) => {
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
