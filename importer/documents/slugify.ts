import getSlug from 'speakingurl'

import {shortHash} from '../shared/contentKey'

/**
 * Punctuation speakingurl turns into a plain separator. Text made only of these, ASCII letters,
 * digits and spaces slugifies without speakingurl's per-character transliteration, which is
 * most of the cost of importing an article.
 */
export const PLAIN_PUNCTUATION = '!"#%\'()*+,-./:;=?@[\\]^`{}~’‘“”–—…«»\u00a0'

/** The punctuation as regular-expression class members. */
const PLAIN_CLASS = PLAIN_PUNCTUATION.replace(/[\\\]^-]/g, '\\$&')
const PLAIN_TEXT = new RegExp(`^[A-Za-z0-9 ${PLAIN_CLASS}]*$`)
const PLAIN_RUNS = new RegExp(`[\\s${PLAIN_CLASS}]+`, 'g')

/**
 * Slugifies text the way Sanity Studio's slug "Generate" button does (speakingurl, symbols
 * spelled out), so imported slugs match what an editor would get. Text with no Latin
 * transliteration (Chinese names, say) falls back to a short hash so an id is never empty.
 *
 * @param text - a title, name or heading
 * @param maxLength - longest slug, as the slug field's `maxLength`
 * @returns a lowercase slug of letters, digits and hyphens
 */
export function slugify(text: string, maxLength = 96): string {
  if (PLAIN_TEXT.test(text)) return plainSlug(text, maxLength) || shortHash(text)
  return getSlug(text, {truncate: maxLength, symbols: true}) || shortHash(text)
}

/** What speakingurl gives for plain text: runs of separators become one hyphen, cut at a word. */
function plainSlug(text: string, maxLength: number): string {
  let slug = text.replace(PLAIN_RUNS, '-').replace(/^-|-$/g, '')
  if (slug.length > maxLength) {
    const cutAtHyphen = slug.charAt(maxLength) === '-'
    slug = slug.slice(0, maxLength)
    // As speakingurl does, including its cut of the last character when there is no hyphen.
    if (!cutAtHyphen) slug = slug.slice(0, slug.lastIndexOf('-'))
  }
  return slug.toLowerCase()
}
