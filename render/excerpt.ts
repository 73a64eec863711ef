import {shortenAtWord} from '../text/shortenAtWord'

/**
 * Shortens text to at most `maxLength` characters, cut at a word boundary and marked with an
 * ellipsis when anything was cut. Whitespace runs become single spaces.
 *
 * @param text - plain text
 * @param maxLength - the longest result, ellipsis included
 * @returns the excerpt
 */
export function excerpt(text: string, maxLength: number): string {
  return shortenAtWord(text.replace(/\s+/g, ' ').trim(), maxLength)
}
