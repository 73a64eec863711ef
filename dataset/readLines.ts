import {open} from 'node:fs/promises'

import {isNotFound} from './guards'

/** How {@link readLines} reads. */
export interface ReadLinesOptions {
  /** Bytes read at a time (1 MiB by default); small values exercise lines spanning reads. */
  chunkSize?: number
}

/** One line as {@link readLineSpans} yields it. */
export interface LineSpan {
  /** The line, without its `\n`. */
  text: string
  /** The byte offset just past the line's `\n` (past the file's end for a last line without one). */
  end: number
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
export function readLines(
  path: string,
  options: ReadLinesOptions = {},
): AsyncGenerator<string, void, undefined> {
  return scanLines(path, options, (text) => text)
}

/**
 * Reads a file line by line as {@link readLines} does, with where each line ends in bytes, so
 * a caller can cut the file back to a line boundary (decoded text need not have the bytes'
 * length when they are not valid UTF-8).
 *
 * @param path - the file
 * @param options - the read size
 * @returns the lines, with their end offsets, in order
 */
export function readLineSpans(
  path: string,
  options: ReadLinesOptions = {},
): AsyncGenerator<LineSpan, void, undefined> {
  return scanLines(path, options, (text, end) => ({text, end}))
}

async function* scanLines<T>(
  path: string,
  options: ReadLinesOptions,
  make: (text: string, end: number) => T,
): AsyncGenerator<T, void, undefined> {
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
    // Bytes of the file before `buffer`'s.
    let offset = 0
    for (;;) {
      const {bytesRead} = await handle.read(buffer, 0, chunkSize, null)
      if (bytesRead === 0) break
      const chunk = buffer.subarray(0, bytesRead)
      let start = 0
      for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
        if (partial.length === 0) {
          yield make(chunk.toString('utf8', start, end), offset + end + 1)
        } else {
          const text = Buffer.concat([...partial, chunk.subarray(start, end)]).toString('utf8')
          yield make(text, offset + end + 1)
          partial = []
        }
        start = end + 1
      }
      if (start < bytesRead) partial.push(Buffer.from(chunk.subarray(start)))
      offset += bytesRead
    }
    if (partial.length > 0) yield make(Buffer.concat(partial).toString('utf8'), offset)
  } finally {
    await handle.close()
  }
}
