import type {ExprNode} from 'groq-js'

import type {QueryView} from './buildQueryView'
import {filterEqualities} from './filterEqualities'
import {indexCandidates} from './indexCandidates'
import type {IndexedField} from './indexedValue'

/** How a query was narrowed: which index answered its filter, and how many documents it left. */
export interface Narrowing {
  index: IndexedField
  candidates: number
}

/** A query tree, with the narrowing applied to it if any. */
export interface NarrowedQuery {
  tree: ExprNode
  narrowing: Narrowing | undefined
}

/**
 * Narrows a query's main filter through the view's indexes. From the root, follows the nodes
 * whose collection comes from their base (projections, slices, `[0]`, `| order(...)`, `{...}`
 * maps), and into `!` and function arguments, down to a filter over `*`; when that filter requires an indexed field to equal a string,
 * replaces its `*` (that one only: `*` elsewhere, as in sub-queries, still reads everything)
 * with the documents the indexes give. These are every match, in dataset order, and the filter
 * still runs over them, so the query's result is unchanged.
 *
 * @param tree - the parsed query
 * @param view - the perspective's indexed documents
 * @param params - the query's parameters
 * @returns the query to evaluate, and the narrowing if one applied
 */
export function narrowQuery(
  tree: ExprNode,
  view: QueryView,
  params: Record<string, unknown>,
): NarrowedQuery {
  return narrowBase(tree, view, params) ?? {tree, narrowing: undefined}
}

function narrowBase(
  node: ExprNode,
  view: QueryView,
  params: Record<string, unknown>,
): NarrowedQuery | undefined {
  if (node.type === 'Filter' && node.base.type === 'Everything') {
    const candidates = indexCandidates(view, filterEqualities(node.expr, params))
    return (
      candidates && {
        tree: {...node, base: {type: 'Value', value: candidates.documents}},
        narrowing: {index: candidates.index, candidates: candidates.documents.length},
      }
    )
  }
  switch (node.type) {
    case 'AccessAttribute':
    case 'AccessElement':
    case 'ArrayCoerce':
    case 'Deref':
    case 'Filter':
    case 'FlatMap':
    case 'Group':
    case 'Map':
    case 'Not':
    case 'PipeFuncCall':
    case 'Projection':
    case 'Slice': {
      const inner = node.base && narrowBase(node.base, view, params)
      return inner && {tree: {...node, base: inner.tree}, narrowing: inner.narrowing}
    }
    case 'FuncCall': {
      // As in `!defined(*[_type == $docType && slug.current == $slug][0]._id)`, Sanity's slug
      // uniqueness check: a filter on constants selects the same documents in any scope.
      for (const [position, argument] of node.args.entries()) {
        const inner = narrowBase(argument, view, params)
        if (!inner) continue
        const args = node.args.map((other, index) => (index === position ? inner.tree : other))
        return {tree: {...node, args}, narrowing: inner.narrowing}
      }
      return undefined
    }
    default:
      return undefined
  }
}
