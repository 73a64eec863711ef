import type {SanityDocument} from '@sanity/client'

import {type IndexedField, indexedValue} from './indexedValue'

/**
 * The documents a query sees under one perspective, with indexes over them. Each index maps a
 * field's string value to the documents holding it, in dataset order. A view is never changed
 * after it is built: a write builds a new one, so a query in flight keeps a consistent dataset.
 */
export interface QueryView {
  /** The documents, in the order `perspectiveDocuments` gives them. */
  documents: readonly SanityDocument[]
  indexes: Readonly<Record<IndexedField, ReadonlyMap<string, readonly SanityDocument[]>>>
  /** A document's place in `documents`, to put hits from several index entries in order. */
  position: (document: SanityDocument) => number
}

/**
 * Indexes a perspective's documents by `_id`, `_type` and `slug.current`: O(n), once per write.
 *
 * @param documents - the perspective's documents (see `perspectiveDocuments`)
 * @returns the view
 */
export function buildQueryView(documents: readonly SanityDocument[]): QueryView {
  // Built on the first lookup of several values (`slug.current in $slugs`), which few views see.
  let positions: Map<SanityDocument, number> | undefined
  return {
    documents,
    position: (document) => {
      positions ??= new Map(documents.map((each, position) => [each, position]))
      return positions.get(document) ?? -1
    },
    indexes: {
      '_id': indexBy(documents, '_id'),
      '_type': indexBy(documents, '_type'),
      'slug.current': indexBy(documents, 'slug.current'),
    },
  }
}

function indexBy(
  documents: readonly SanityDocument[],
  field: IndexedField,
): Map<string, SanityDocument[]> {
  const index = new Map<string, SanityDocument[]>()
  for (const document of documents) {
    const value = indexedValue(document, field)
    if (value === undefined) continue
    const hits = index.get(value)
    if (hits) hits.push(document)
    else index.set(value, [document])
  }
  return index
}
