import {open} from 'node:fs/promises'

import {isNotFound} from './isNotFound'

/** How {@link readLines} reads. */
export interface ReadLinesOptions {
  /** Bytes read at a time (1 MiB by default); small values exercise lines spanning reads. */
  chunkSize?: number
}

const NEWLINE = 0x0a

/**
 * Reads a UTF-8 text file line by line, a chunk at a time, so a file larger than the biggest
 * string V8 can hold can still be read. Lines are split on `\n` bytes before decoding, so a
 * character split across two reads is decoded whole. A missing file has no lines; a last line
 * without a newline is yielded as it is.
 *
 * @param path - the file
 * @param options - the read size
 * @returns the lines, without their `\n`, in order (empty lines included)
 */
export async function* readLines(
  path: string,
  options: ReadLinesOptions = {},
): AsyncGenerator<string, void, undefined> {
  const chunkSize = options.chunkSize ?? 1024 * 1024
  const handle = await open(path, 'r').catch((error: unknown) => {
    if (isNotFound(error)) return undefined
    throw error
  })
  if (!handle) return
  try {
    const buffer = Buffer.allocUnsafe(chunkSize)
    // The start of a line whose end is in a later read; copied, as `buffer` is reused.
    let partial: Buffer[] = []
    for (;;) {
      const {bytesRead} = await handle.read(buffer, 0, chunkSize, null)
      if (bytesRead === 0) break
      const chunk = buffer.subarray(0, bytesRead)
      let start = 0
      for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
        if (partial.length === 0) {
          yield chunk.toString('utf8', start, end)
        } else {
          yield Buffer.concat([...partial, chunk.subarray(start, end)]).toString('utf8')
          partial = []
        }
        start = end + 1
      }
      if (start < bytesRead) partial.push(Buffer.from(chunk.subarray(start)))
    }
    if (partial.length > 0) yield Buffer.concat(partial).toString('utf8')
  } finally {
    await handle.close()
  }
}
