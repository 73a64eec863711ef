import type {SanityDocument} from '@sanity/client'

import {INDEXED_FIELDS, type IndexedField, indexedValue} from './indexedValue'

/**
 * The documents a query sees under one perspective, with indexes over them. A view never
 * changes after it is made: a write makes a new one, so a query in flight keeps a consistent
 * dataset. Dataset order is the store's: a document keeps its place when it is replaced, and a
 * new one (or one deleted and made again) comes last.
 */
export interface QueryView {
  /** Every document, in dataset order: gathered when first asked for (only full scans do). */
  documents: () => readonly SanityDocument[]
  /** The documents whose field holds the value, in dataset order. */
  lookup: (field: IndexedField, value: string) => readonly SanityDocument[]
  /** How many documents `lookup` gives, without gathering them. */
  count: (field: IndexedField, value: string) => number
  /** A document's place in dataset order, to put the hits of several lookups in order. */
  position: (document: SanityDocument) => number
}

/** A view built from a list of documents, which later views layer their changes over. */
export interface BuiltQueryView extends QueryView {
  /** The place of the (first) document with an `_id`, or undefined when there is none. */
  positionOf: (id: string) => number | undefined
}

/**
 * Indexes a perspective's documents by `_id`, `_type` and `slug.current`: O(n).
 *
 * @param documents - the perspective's documents, in dataset order (see `perspectiveDocuments`)
 * @returns the view
 */
export function buildQueryView(documents: readonly SanityDocument[]): BuiltQueryView {
  const indexes: Record<IndexedField, Map<string, SanityDocument[]>> = {
    '_id': indexBy(documents, '_id'),
    '_type': indexBy(documents, '_type'),
    'slug.current': indexBy(documents, 'slug.current'),
  }
  // Built when first asked for: only lookups of several values and layered views need them.
  let positions: Map<SanityDocument, number> | undefined
  const position = (document: SanityDocument) => {
    positions ??= new Map(documents.map((each, place) => [each, place]))
    return positions.get(document) ?? -1
  }
  const positionOf = (id: string) => {
    const document = indexes._id.get(id)?.[0]
    return document && position(document)
  }
  return {
    positionOf,
    documents: () => documents,
    lookup: (field, value) => indexes[field].get(value) ?? [],
    count: (field, value) => indexes[field].get(value)?.length ?? 0,
    position,
  }
}

/**
 * The values a document is indexed under, one per indexed field it holds as a string.
 *
 * @param document - the document
 * @returns field and value pairs
 */
export function indexEntries(document: SanityDocument): [IndexedField, string][] {
  return INDEXED_FIELDS.flatMap((field) => {
    const value = indexedValue(document, field)
    return value === undefined ? [] : [[field, value]]
  })
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
