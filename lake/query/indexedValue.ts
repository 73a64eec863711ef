import type {SanityDocument} from '@sanity/client'

/** The document fields the lake indexes for queries. */
export type IndexedField = '_id' | '_type' | 'slug.current'

/** Every indexed field, most selective first: ties between index hits go to the earlier field. */
export const INDEXED_FIELDS: readonly IndexedField[] = ['_id', 'slug.current', '_type']

/**
 * A document's value for an indexed field, when it is a string: the only values a GROQ `==`
 * against a string can match, so an index keyed by them finds every match.
 *
 * @param document - the document
 * @param field - the indexed field
 * @returns the string value, or undefined when the field is absent or not a string
 */
export function indexedValue(document: SanityDocument, field: IndexedField): string | undefined {
  if (field === '_id') return document._id
  if (field === '_type') return document._type
  const slug: unknown = document['slug']
  if (typeof slug !== 'object' || slug === null || !('current' in slug)) return undefined
  return typeof slug.current === 'string' ? slug.current : undefined
}
