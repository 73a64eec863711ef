import {type ExprNode, parse} from 'groq-js'

import {LakeError} from '../shared/LakeError'
import type {QueryView} from './buildQueryView'
import {evaluateIndexed} from './evaluateIndexed'
import {narrowQuery} from './narrowQuery'

/** Documents a query may read through the indexes and still be answered on the spot. */
const BOUNDED_READS = 1_000

/**
 * Parses a GROQ query.
 *
 * @param query - the query text
 * @param params - its parameters
 * @returns the tree
 * @throws LakeError 400 naming the parse error
 */
export function parseQuery(query: string, params: Record<string, unknown>): ExprNode {
  try {
    return parse(query, {params})
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new LakeError(400, 'queryParseError', message)
  }
}

/**
 * Evaluates a parsed query over a view, reading through its indexes (see evaluateIndexed).
 *
 * @param tree - the parsed query
 * @param params - its parameters
 * @param view - the perspective's indexed documents
 * @returns the result
 */
export async function runQuery(
  tree: ExprNode,
  params: Record<string, unknown>,
  view: QueryView,
): Promise<unknown> {
  const {result} = await evaluateIndexed(tree, params, view)
  return result
}

/**
 * Whether a query reads a bounded number of documents: every `*` in it is narrowed by the
 * indexes, to at most 1,000 documents in all. Such a query takes milliseconds whatever the
 * dataset's size; any other may scan everything, or everything once per row.
 *
 * @param tree - the parsed query
 * @param params - its parameters
 * @param view - the perspective's indexed documents
 * @returns true when it is safe to answer on the spot
 */
export function isBounded(
  tree: ExprNode,
  params: Record<string, unknown>,
  view: QueryView,
): boolean {
  let reads = 0
  const visit = (node: unknown): boolean => {
    if (typeof node !== 'object' || node === null) return true
    if (Array.isArray(node)) return node.every(visit)
    if ('type' in node && node.type === 'Everything') return false
    if ('type' in node && node.type === 'Value') {
      // A narrowed `*`: the documents the indexes gave; nothing inside needs visiting.
      const value: unknown = 'value' in node ? node.value : undefined
      if (Array.isArray(value)) reads += value.length
      return reads <= BOUNDED_READS
    }
    return Object.values(node).every(visit)
  }
  return visit(narrowQuery(tree, view, params).tree)
}
