import {sha256Hex} from './sha256'

/**
 * Hands out `_key`s derived from content: the same content gets the same key on every run, and
 * adding other items never changes it. Repeated content gets `#2`, `#3`… mixed into its seed, so
 * keys stay unique within the array the allocator serves.
 */
export class ContentKeys {
  readonly #seen = new Map<string, number>()

  /**
   * @param seed - what the item is: its text, href or id
   * @returns a 12-character key unique among this allocator's keys
   */
  next(seed: string): string {
    const count = (this.#seen.get(seed) ?? 0) + 1
    this.#seen.set(seed, count)
    return shortHash(count === 1 ? seed : `${seed}#${count}`)
  }
}

/**
 * A short, stable hex digest: the first 12 characters of the SHA-256 of `value`.
 *
 * @param value - any text
 * @returns 12 hex characters
 */
export function shortHash(value: string): string {
  // A paragraph of one span is keyed by its text twice in a row, as a span and as a block.
  if (value !== lastHashed.value) lastHashed = {value, hash: sha256Hex(value).slice(0, 12)}
  return lastHashed.hash
}

let lastHashed = {value: '', hash: sha256Hex('').slice(0, 12)}
