import {ImportError} from '../shared/ImportError'
import {firstInvalidUtf8Offset} from './firstInvalidUtf8Offset'

/** Largest source file accepted: wire copy is kilobytes; anything this big is not an article. */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024

const BOM = '\uFEFF'
// Without `stream`, each decode starts afresh, so one strict decoder serves every file.
const STRICT_UTF8 = new TextDecoder('utf-8', {fatal: true})

/**
 * Decodes a source file's bytes as strict UTF-8: drops a byte order mark, turns CRLF and CR into
 * LF, and rejects what is not an article's text.
 *
 * @param bytes - the file's contents
 * @param file - the file's name, for error messages
 * @returns the text with LF line endings
 * @throws ImportError for a file over 5 MB, invalid UTF-8 or a NUL byte (with the byte offset),
 *   or a file with no text
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.byteLength > MAX_SOURCE_BYTES) {
    const size = (bytes.byteLength / 1024 / 1024).toFixed(1)
    throw new ImportError(file, `file is ${size} MB; the limit is 5 MB`)
  }
  const nul = bytes.indexOf(0)
  if (nul !== -1)
    throw new ImportError(file, 'NUL byte: this is a binary file, not text', {offset: nul})
  let text: string
  try {
    text = STRICT_UTF8.decode(bytes)
  } catch {
    throw new ImportError(file, 'not valid UTF-8', {offset: firstInvalidUtf8Offset(bytes)})
  }
  if (text.startsWith(BOM)) text = text.slice(BOM.length)
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
  if (text.trim() === '') throw new ImportError(file, 'file is empty or only whitespace')
  return text
}
