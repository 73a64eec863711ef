import type {SanityDocument} from '@sanity/client'
import {evaluate, type ExprNode} from 'groq-js'

import type {QueryView} from './buildQueryView'
import {type Narrowing, narrowQuery, readsEverything} from './narrowQuery'

/** A query's result, and how its filter was narrowed (for tests and diagnostics). */
export interface IndexedResult {
  result: unknown
  narrowing: Narrowing | undefined
}

/**
 * Evaluates a parsed query over a view with groq-js, as a full scan of the view's documents
 * would, but reading fewer: the main filter through the indexes (see `narrowQuery`), and `->`
 * through the `_id` index. groq-js without a `dereference` option returns the first document
 * of the dataset with the reference's `_id`, or null; the index gives the same document.
 *
 * @param tree - the parsed query
 * @param params - the query's parameters
 * @param view - the perspective's indexed documents
 * @returns the result and the narrowing
 */
export async function evaluateIndexed(
  tree: ExprNode,
  params: Record<string, unknown>,
  view: QueryView,
): Promise<IndexedResult> {
  const narrowed = narrowQuery(tree, view, params)
  const dereference = ({_ref}: {_ref: string}): SanityDocument | null =>
    view.lookup('_id', _ref)[0] ?? null
  // Every document is gathered only for a query that still reads them all.
  const dataset = readsEverything(narrowed.tree) ? view.documents() : []
  const value = await evaluate(narrowed.tree, {dataset, params, dereference})
  const result: unknown = await value.get()
  return {result, narrowing: narrowed.narrowing}
}
