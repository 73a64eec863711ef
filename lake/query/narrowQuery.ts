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
 * Narrows a query's filters through the view's indexes. From the root, follows the nodes whose
 * collection comes from their base (projections, slices, `[0]`, `| order(...)`, `{...}` maps),
 * and into `!`, function arguments, array elements and a projection's attributes, to each filter
 * over `*`; when such a filter requires an indexed field to equal a string, its `*` is replaced by
 * the documents the indexes give. Those are every match, in dataset order, whatever the scope (the
 * compared values are constants or parameters), and the filter still runs over them, so the
 * query's result is unchanged. A `*` anywhere else reads every document.
 *
 * @param tree - the parsed query
 * @param view - the perspective's indexed documents
 * @param params - the query's parameters
 * @returns the query to evaluate, and the main filter's narrowing if one applied
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
    case 'Group':
    case 'Not':
    case 'PipeFuncCall':
    case 'Slice': {
      const inner = node.base && narrowBase(node.base, view, params)
      return inner && {tree: {...node, base: inner.tree}, narrowing: inner.narrowing}
    }
    case 'FlatMap':
    case 'Map':
    case 'Projection': {
      // The expression applied to each element (`*[…] | order(…) {…}`) is narrowed too, such as
      // an author looked up per article: a filter on constants selects the same documents per row.
      const inner = narrowBase(node.base, view, params)
      const expr = narrowBase(node.expr, view, params)?.tree ?? node.expr
      if (!inner && expr === node.expr) return undefined
      return {tree: {...node, base: inner?.tree ?? node.base, expr}, narrowing: inner?.narrowing}
    }
    case 'Object': {
      const attributes = node.attributes.map((attribute) => {
        if (attribute.type !== 'ObjectAttributeValue') return attribute
        const value = narrowBase(attribute.value, view, params)?.tree
        return value ? {...attribute, value} : attribute
      })
      const changed = attributes.some((attribute, index) => attribute !== node.attributes[index])
      return changed ? {tree: {...node, attributes}, narrowing: undefined} : undefined
    }
    case 'Array': {
      // The Studio batches its previews as `[*[_id in [...]][0...1]{...}, ...]`: each element
      // is narrowed on its own; the first narrowed one is reported.
      const narrowed = node.elements.map((element) => narrowBase(element.value, view, params))
      if (narrowed.every((inner) => !inner)) return undefined
      const elements = node.elements.map((element, index) => {
        const inner = narrowed[index]
        return inner ? {...element, value: inner.tree} : element
      })
      return {
        tree: {...node, elements},
        narrowing: narrowed.find((inner) => inner !== undefined)?.narrowing,
      }
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

/**
 * Whether a (narrowed) query still reads every document: a `*` is left in it. The documents a
 * narrowing put in its place are not looked into.
 *
 * @param tree - the query
 * @returns true when it holds an `Everything` node
 */
export function readsEverything(tree: unknown): boolean {
  const stack: unknown[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()
    if (typeof node !== 'object' || node === null) continue
    if (Array.isArray(node)) {
      stack.push(...node)
      continue
    }
    if ('type' in node && node.type === 'Everything') return true
    if ('type' in node && node.type === 'Value') continue
    stack.push(...Object.values(node))
  }
  return false
}
