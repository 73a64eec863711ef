import type {SanityDocument} from '@sanity/client'

import type {QueryView} from './buildQueryView'
import type {FieldEquality} from './filterEqualities'
import {type IndexedField, indexedValue} from './indexedValue'

/** The documents an index lookup left for a filter to check. */
export interface Candidates {
  /** The field whose index gave the fewest hits, which the others then narrowed. */
  index: IndexedField
  /** The documents satisfying every equality, in dataset order. */
  documents: SanityDocument[]
}

/**
 * The documents satisfying every equality, found through the most selective index: the
 * shortest hit list, kept where the document also satisfies the other equalities.
 *
 * @param view - the indexed documents
 * @param equalities - conditions every match satisfies (see `filterEqualities`)
 * @returns the candidates, or undefined when there are no equalities
 */
export function indexCandidates(
  view: QueryView,
  equalities: readonly FieldEquality[],
): Candidates | undefined {
  let best: {equality: FieldEquality; hits: readonly SanityDocument[]} | undefined
  for (const equality of equalities) {
    const hits = view.indexes[equality.field].get(equality.value) ?? []
    if (!best || hits.length < best.hits.length) best = {equality, hits}
  }
  if (!best) return undefined
  const chosen = best.equality
  const others = equalities.filter((equality) => equality !== chosen)
  return {
    index: chosen.field,
    documents: best.hits.filter((document) =>
      others.every(({field, value}) => indexedValue(document, field) === value),
    ),
  }
}
