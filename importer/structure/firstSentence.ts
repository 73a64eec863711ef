/** Words that end with a dot without ending the sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'gov',
  'sen',
  'rep',
  'pres',
  'jr',
  'sr',
  'vs',
  'etc',
  'no',
  'nos',
  'inc',
  'ltd',
  'co',
  'corp',
  'approx',
  'est',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
])

/** Full-width sentence ends (Chinese, Japanese) need no space after them. */
const FULL_WIDTH_END = /[。！？]/u
const SENTENCE_END = /[.!?…。！？]["”’)\]」』]*/gu

/**
 * The first sentence of a text. A dot after an abbreviation (`Mr.`, `Gen.`), an initial (`U.S.`,
 * `J.`) or before a lowercase word does not end a sentence; `。！？` do, with or without a space.
 *
 * @param text - a paragraph
 * @returns its first sentence, with its closing punctuation
 */
export function firstSentence(text: string): string {
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length
    const mark = match[0][0] ?? ''
    const next = text.slice(end)
    if (FULL_WIDTH_END.test(mark)) return text.slice(0, end)
    if (next !== '' && !/^\s/u.test(next)) continue
    if (mark === '.' && !endsSentence(text.slice(0, match.index), next)) continue
    return text.slice(0, end)
  }
  return text
}

const WORD_AT_END = /([\p{L}.]+)$/u
/** `U.S.`, `e.g`, `A`: letters each closed by a dot, or a lone letter. */
const INITIALISM = /^(\p{L}\.)*\p{L}$/u
const LOWERCASE_AFTER_SPACE = /^\s+\p{Ll}/u

function endsSentence(before: string, after: string): boolean {
  // The word is at the end: look at the tail, not the whole paragraph, unless the tail is all word.
  const tail = before.slice(-64)
  const tailWord = WORD_AT_END.exec(tail)?.[1] ?? ''
  const word = tailWord.length < tail.length ? tailWord : (WORD_AT_END.exec(before)?.[1] ?? '')
  if (INITIALISM.test(word)) return false
  if (ABBREVIATIONS.has(word.toLowerCase())) return false
  return !LOWERCASE_AFTER_SPACE.test(after)
}
