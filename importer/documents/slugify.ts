import getSlug from 'speakingurl'

import {shortHash} from './contentKey'

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
  const slug = getSlug(text, {truncate: maxLength, symbols: true})
  return slug || shortHash(text)
}
