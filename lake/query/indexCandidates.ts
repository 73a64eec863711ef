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
    const hits = indexHits(view, equality)
    if (!best || hits.length < best.hits.length) best = {equality, hits}
  }
  if (!best) return undefined
  const chosen = best.equality
  const others = equalities.filter((equality) => equality !== chosen)
  return {
    index: chosen.field,
    documents: best.hits.filter((document) =>
      others.every(({field, values}) => {
        const value = indexedValue(document, field)
        return value !== undefined && values.includes(value)
      }),
    ),
  }
}

/** The documents an index holds under any of the values, once each, in dataset order. */
function indexHits(view: QueryView, {field, values}: FieldEquality): readonly SanityDocument[] {
  const index = view.indexes[field]
  if (values.length === 1) return index.get(values[0] ?? '') ?? []
  const hits = new Set(values.flatMap((value) => index.get(value) ?? []))
  return [...hits].sort((a, b) => view.position(a) - view.position(b))
}
