import type {ExprNode} from 'groq-js'

import {INDEXED_FIELDS, type IndexedField} from './indexedValue'

/** A filter condition an index answers: the field equals a string. */
export interface FieldEquality {
  field: IndexedField
  value: string
}

/**
 * The conditions of a filter, among those it requires of every match (its top-level `&&`
 * operands, through parentheses), that compare an indexed field with a string: `_type == "a"`,
 * `$slug == slug.current`, `@._id == $id`. Anything else (`||`, `in`, `match`, a non-string
 * value) is left out, so every document the filter keeps satisfies every equality returned.
 *
 * @param expr - the filter's expression
 * @param params - the query's parameters, for `$param` operands `parse` left unresolved
 * @returns the equalities, in the filter's order
 */
export function filterEqualities(expr: ExprNode, params: Record<string, unknown>): FieldEquality[] {
  if (expr.type === 'Group') return filterEqualities(expr.base, params)
  if (expr.type === 'And') {
    return [...filterEqualities(expr.left, params), ...filterEqualities(expr.right, params)]
  }
  if (expr.type !== 'OpCall' || expr.op !== '==') return []
  const equality =
    fieldEquality(expr.left, expr.right, params) ?? fieldEquality(expr.right, expr.left, params)
  return equality ? [equality] : []
}

function fieldEquality(
  fieldNode: ExprNode,
  valueNode: ExprNode,
  params: Record<string, unknown>,
): FieldEquality | undefined {
  const field = indexedField(fieldNode)
  const value = stringValue(valueNode, params)
  return field !== undefined && value !== undefined ? {field, value} : undefined
}

/** The indexed field an attribute path names, read from the filtered document itself. */
function indexedField(node: ExprNode): IndexedField | undefined {
  const path = attributePath(node)
  return INDEXED_FIELDS.find((field) => field === path)
}

function attributePath(node: ExprNode): string | undefined {
  if (node.type === 'Group') return attributePath(node.base)
  // `@["slug.current"]` names one attribute, not a path.
  if (node.type !== 'AccessAttribute' || node.name.includes('.')) return undefined
  if (node.base === undefined || node.base.type === 'This') return node.name
  const base = attributePath(node.base)
  return base === undefined ? undefined : `${base}.${node.name}`
}

function stringValue(node: ExprNode, params: Record<string, unknown>): string | undefined {
  if (node.type === 'Group') return stringValue(node.base, params)
  const value: unknown =
    node.type === 'Value' ? node.value : node.type === 'Parameter' ? params[node.name] : undefined
  return typeof value === 'string' ? value : undefined
}
