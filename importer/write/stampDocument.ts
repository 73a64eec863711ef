import type {SanityDocument} from '@sanity/client'

import {canonicalJson} from '../documents/canonicalJson'
import {shortHash} from '../shared/contentKey'

/**
 * Adds the system fields a Content Lake sets on write. The revision is derived from the
 * content, so writing the same documents twice gives byte-identical datasets.
 *
 * @param document - the document to store
 * @param timestamp - ISO time of the write
 * @param existing - the stored version it replaces, whose `_createdAt` is kept
 * @returns the document as stored
 */
export function stampDocument(
  document: {_id: string; _type: string},
  timestamp: string,
  existing?: SanityDocument,
): SanityDocument {
  return {
    ...document,
    _createdAt: existing?._createdAt ?? timestamp,
    _updatedAt: timestamp,
    _rev: shortHash(canonicalJson(document)),
  }
}
