/** Reading speed for news copy, in words a minute. */
export const WORDS_PER_MINUTE = 200

/**
 * How long a text takes to read, rounded to whole minutes and never less than one, at the
 * speed `latestArticles` estimates with in GROQ.
 *
 * @param text - plain text
 * @param wordsPerMinute - reading speed
 * @returns minutes
 */
export function readingMinutes(text: string, wordsPerMinute = WORDS_PER_MINUTE): number {
  const words = text.split(' ').length
  return Math.max(1, Math.round(words / wordsPerMinute))
}
