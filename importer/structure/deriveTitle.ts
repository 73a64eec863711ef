import {shortenAtWord} from '../../text/shortenAtWord'
import {firstSentence} from './firstSentence'

/** Longest derived headline; the content model warns over 110. */
export const MAX_DERIVED_TITLE = 100

/**
 * Derives a headline from the lead when the text has none: its first sentence, cut at a word
 * boundary to at most 100 characters (with an ellipsis when cut). An editor should review it.
 *
 * @param lead - the first paragraph's text
 * @returns the derived headline
 */
export function deriveTitle(lead: string): string {
  const sentence = firstSentence(lead.trim()).replace(/[.。]$/u, '')
  return shortenAtWord(sentence, MAX_DERIVED_TITLE, {keepFullStop: true})
}
