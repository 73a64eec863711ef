/**
 * Well-formed UTF-8 sequences (Unicode 15, table 3-7): lead byte range, sequence length and the
 * range the second byte must fall in; later bytes are always 0x80–0xBF.
 */
const SEQUENCES: readonly (readonly [number, number, number, number, number])[] = [
  [0x00, 0x7f, 1, 0, 0],
  [0xc2, 0xdf, 2, 0x80, 0xbf],
  [0xe0, 0xe0, 3, 0xa0, 0xbf],
  [0xe1, 0xec, 3, 0x80, 0xbf],
  [0xed, 0xed, 3, 0x80, 0x9f],
  [0xee, 0xef, 3, 0x80, 0xbf],
  [0xf0, 0xf0, 4, 0x90, 0xbf],
  [0xf1, 0xf3, 4, 0x80, 0xbf],
  [0xf4, 0xf4, 4, 0x80, 0x8f],
]

/**
 * Finds where UTF-8 breaks, so an error can point at the byte.
 *
 * @param bytes - text that failed to decode as UTF-8
 * @returns the offset of the first byte that starts no well-formed sequence
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let offset = 0
  while (offset < bytes.length) {
    const length = sequenceLengthAt(bytes, offset)
    if (length === 0) return offset
    offset += length
  }
  return offset
}

function sequenceLengthAt(bytes: Uint8Array, offset: number): number {
  const lead = bytes[offset] ?? 0
  const sequence = SEQUENCES.find(([low, high]) => lead >= low && lead <= high)
  if (!sequence) return 0
  const [, , length, secondLow, secondHigh] = sequence
  for (let index = 1; index < length; index++) {
    const byte = bytes[offset + index] ?? -1
    const [low, high] = index === 1 ? [secondLow, secondHigh] : [0x80, 0xbf]
    if (byte < low || byte > high) return 0
  }
  return length
}
