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
  const text = lead.trim()
  const sentence = firstSentence(text).replace(/[.。]$/u, '')
  if (sentence.length <= MAX_DERIVED_TITLE) return sentence
  const cut = sentence.slice(0, MAX_DERIVED_TITLE)
  const boundary = cut.lastIndexOf(' ')
  const words = boundary > 0 ? cut.slice(0, boundary) : cut.slice(0, MAX_DERIVED_TITLE - 1)
  return `${words.replace(/[\s,;:–—-]+$/u, '')}…`
}
