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
  // The most selective equality is found by counting, so only its hits are gathered.
  let best: {equality: FieldEquality; count: number} | undefined
  for (const equality of equalities) {
    let count = 0
    for (const value of new Set(equality.values)) count += view.count(equality.field, value)
    if (!best || count < best.count) best = {equality, count}
  }
  if (!best) return undefined
  const chosen = best.equality
  const others = equalities.filter((equality) => equality !== chosen)
  return {
    index: chosen.field,
    documents: indexHits(view, chosen).filter((document) =>
      others.every(({field, values}) => {
        const value = indexedValue(document, field)
        return value !== undefined && values.includes(value)
      }),
    ),
  }
}

/** The documents an index holds under any of the values, once each, in dataset order. */
function indexHits(view: QueryView, {field, values}: FieldEquality): readonly SanityDocument[] {
  if (values.length === 1) return view.lookup(field, values[0] ?? '')
  const hits = new Set(values.flatMap((value) => view.lookup(field, value)))
  return [...hits].sort((a, b) => view.position(a) - view.position(b))
}
