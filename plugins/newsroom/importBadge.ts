import type {DocumentBadgeComponent} from 'sanity'

import {contentHash, recordedContentHash} from '../../importer/documents/contentHash'

/**
 * Says where an article's text stands against its import: "Imported" while its content is what
 * the importer wrote (the hash recorded in `source.contentHash`), "Edited since import" once an
 * editor changed it, which is also when a re-import leaves it alone. Articles made in the Studio
 * from scratch get no badge.
 *
 * @param props - the document's draft and published versions
 * @returns the badge, or null for an article with no import
 */
export const ImportBadge: DocumentBadgeComponent = ({draft, published}) => {
  const current = draft ?? published
  const recorded = current && recordedContentHash(current)
  if (!current || !recorded) return null
  return contentHash(current) === recorded
    ? {label: 'Imported', title: 'The text is as the importer made it', color: 'primary'}
    : {
        label: 'Edited since import',
        title: 'An editor changed the text since its import; a re-import leaves it as it is',
        color: 'warning',
      }
}
