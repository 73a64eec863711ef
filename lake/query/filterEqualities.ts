import type {ExprNode} from 'groq-js'

import {INDEXED_FIELDS, type IndexedField} from './indexedValue'

/** A filter condition an index answers: the field equals one of some strings. */
export interface FieldEquality {
  field: IndexedField
  values: readonly string[]
}

/**
 * The conditions of a filter, among those it requires of every match (its top-level `&&`
 * operands, through parentheses), that compare an indexed field with a string or a list of
 * strings: `_type == "a"`, `$slug == slug.current`, `@._id == $id`, `slug.current in $slugs`.
 * Anything else (`||`, `match`, a list holding a non-string) is left out, so every document
 * the filter keeps satisfies every equality returned.
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
  if (expr.type !== 'OpCall') return []
  if (expr.op === 'in') {
    const field = indexedField(expr.left)
    const values = stringList(expr.right, params)
    return field !== undefined && values !== undefined ? [{field, values}] : []
  }
  if (expr.op !== '==') return []
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
  return field !== undefined && value !== undefined ? {field, values: [value]} : undefined
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
  const value = constant(node, params)
  return typeof value === 'string' ? value : undefined
}

/** `["a", "b"]` or a parameter holding such a list; `in` matches a document holding any. */
function stringList(
  node: ExprNode,
  params: Record<string, unknown>,
): readonly string[] | undefined {
  if (node.type === 'Group') return stringList(node.base, params)
  const values: unknown[] | undefined =
    node.type === 'Array'
      ? node.elements.map((element) =>
          element.isSplat ? undefined : stringValue(element.value, params),
        )
      : asList(constant(node, params))
  return values?.every((value) => typeof value === 'string') ? values : undefined
}

function asList(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined
}

function constant(node: ExprNode, params: Record<string, unknown>): unknown {
  if (node.type === 'Group') return constant(node.base, params)
  if (node.type === 'Value') return node.value
  return node.type === 'Parameter' ? params[node.name] : undefined
}
