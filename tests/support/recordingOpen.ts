import {open} from 'node:fs/promises'

import type {OpenFile} from '../../dataset'

/** How many of a file's next operations fail, and how. */
export interface FileFaults {
  /** Appends that write half their bytes, then fail with ENOSPC. */
  halfAppends: number
  /** Datasyncs that fail with EIO. */
  datasyncs: number
  /** Truncations that fail with EIO. */
  truncates: number
}

/**
 * An error as a full or failing disk gives it.
 *
 * @param code - `ENOSPC`, `EIO`…
 * @param message - what the system says
 * @returns the error, with its `code`
 */
export function diskError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), {code})
}

/**
 * Opens real files, noting each call made on them once it has returned (`… failed` for one
 * that `faults` makes fail), so a test sees what was written and flushed, and when.
 *
 * @param calls - receives `open a`, `appendFile 12`, `datasync`, `truncate 3`, `close`…
 * @param faults - the operations to fail; none by default
 * @returns the opener to pass to the journal's file functions
 */
export function recordingOpen(calls: string[], faults: Partial<FileFaults> = {}): OpenFile {
  // Counts down in the caller's object, which several openings may share.
  const spend = (kind: keyof FileFaults) => {
    const left = faults[kind] ?? 0
    if (left === 0) return false
    faults[kind] = left - 1
    return true
  }
  return async (file, flags) => {
    const handle = await open(file, flags)
    calls.push(`open ${flags}`)
    return {
      appendFile: async (bytes) => {
        if (spend('halfAppends')) {
          await handle.appendFile(bytes.subarray(0, bytes.length >> 1))
          calls.push(`appendFile ${bytes.length} failed`)
          throw diskError('ENOSPC', 'no space left on device, write')
        }
        await handle.appendFile(bytes)
        calls.push(`appendFile ${bytes.length}`)
      },
      datasync: async () => {
        if (spend('datasyncs')) {
          calls.push('datasync failed')
          throw diskError('EIO', 'i/o error, fdatasync')
        }
        await handle.datasync()
        calls.push('datasync')
      },
      sync: async () => {
        await handle.sync()
        calls.push('sync')
      },
      truncate: async (length) => {
        if (spend('truncates')) {
          calls.push(`truncate ${length} failed`)
          throw diskError('EIO', 'i/o error, ftruncate')
        }
        await handle.truncate(length)
        calls.push(`truncate ${length}`)
      },
      close: async () => {
        await handle.close()
        calls.push('close')
      },
    }
  }
}
