/** Spaces and punctuation a cut can leave at the end, dropped before the ellipsis. */
const DANGLING = /[\s,;:–—-]+$/u
/** The same, and full stops. */
const DANGLING_OR_STOP = /[\s,;:.–—-]+$/u

/** How `shortenAtWord` ends a cut text. */
export interface ShortenOptions {
  /** Leave a full stop the cut ends on before the ellipsis (`U.S.…`); dropped by default. */
  keepFullStop?: boolean
}

/**
 * Shortens text to at most `maxLength` characters, ellipsis included: cut at the last space
 * that leaves room for the ellipsis (mid-word only when the first word alone is too long), the
 * spaces and punctuation left at the cut dropped, and `…` added. Text that fits is returned as
 * it is. Headlines derived by the importer and excerpts rendered for readers are both cut here.
 *
 * @param text - one line of text
 * @param maxLength - the longest result, ellipsis included
 * @param options - whether a full stop before the ellipsis stays
 * @returns the text, or its shortened form ending in `…`
 */
export function shortenAtWord(
  text: string,
  maxLength: number,
  {keepFullStop = false}: ShortenOptions = {},
): string {
  if (text.length <= maxLength) return text
  // Only the words a space follows within the limit are kept, so the ellipsis fits in it too: a
  // word that ends right at the limit goes.
  const cut = text.slice(0, maxLength)
  const boundary = cut.lastIndexOf(' ')
  const words = boundary > 0 ? cut.slice(0, boundary) : cut.slice(0, maxLength - 1)
  return `${words.replace(keepFullStop ? DANGLING : DANGLING_OR_STOP, '')}…`
}
