import {ImportError} from '../ImportError'

/** Largest source file accepted: wire copy is kilobytes; anything this big is not an article. */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024

const BOM = '\uFEFF'

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
    text = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    throw new ImportError(file, 'not valid UTF-8', {offset: firstInvalidUtf8Offset(bytes)})
  }
  if (text.startsWith(BOM)) text = text.slice(BOM.length)
  text = text.replace(/\r\n?/g, '\n')
  if (text.trim() === '') throw new ImportError(file, 'file is empty or only whitespace')
  return text
}

/** Finds the offset of the first byte that breaks UTF-8, so the error can point at it. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let offset = 0
  while (offset < bytes.length) {
    const length = sequenceLength(bytes, offset)
    if (length === 0) return offset
    offset += length
  }
  return offset
}

function sequenceLength(bytes: Uint8Array, offset: number): number {
  const lead = bytes[offset] ?? 0
  const [length, min, max] =
    lead < 0x80
      ? [1, 0, 0]
      : lead >= 0xc2 && lead <= 0xdf
        ? [2, 0x80, 0xbf]
        : lead === 0xe0
          ? [3, 0xa0, 0xbf]
          : lead === 0xed
            ? [3, 0x80, 0x9f]
            : lead >= 0xe1 && lead <= 0xef
              ? [3, 0x80, 0xbf]
              : lead === 0xf0
                ? [4, 0x90, 0xbf]
                : lead === 0xf4
                  ? [4, 0x80, 0x8f]
                  : lead >= 0xf1 && lead <= 0xf3
                    ? [4, 0x80, 0xbf]
                    : [0, 0, 0]
  if (length <= 1) return length
  const second = bytes[offset + 1] ?? -1
  if (second < min || second > max) return 0
  for (let i = 2; i < length; i++) {
    const next = bytes[offset + i] ?? -1
    if (next < 0x80 || next > 0xbf) return 0
  }
  return length
}
