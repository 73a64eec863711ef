/**
 * Shortens text to at most `maxLength` characters, cut at a word boundary and marked with an
 * ellipsis when anything was cut. Whitespace runs become single spaces.
 *
 * @param text - plain text
 * @param maxLength - the longest result, ellipsis included
 * @returns the excerpt
 */
export function excerpt(text: string, maxLength: number): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= maxLength) return clean
  // A space right after the limit still ends a whole word, so look one character further.
  const cut = clean.slice(0, maxLength)
  const boundary = cut.lastIndexOf(' ')
  const words = boundary > 0 ? cut.slice(0, boundary) : cut.slice(0, maxLength - 1)
  return `${words.replace(/[\s,;:.–—-]+$/u, '')}…`
}
