import {Rule as BaseRule, Schema} from '@sanity/schema'
import {builtinTypes} from '@sanity/schema/_internal'
import type {Rule, SchemaType, SchemaValidationValue} from '@sanity/types'

import {isRecord} from '../../dataset/guards'

/**
 * Stands in for Sanity's slug validator in the rules derived here: every slug type gets it, as
 * Sanity gives every slug type its own. Found by identity when a rule is checked.
 */
export function slugRule(): true {
  return true
}

/** The compiled Studio schema with the rules Sanity would infer for each of its types. */
export interface StudioRules {
  /**
   * @param name - a type name, such as a document's `_type`
   * @returns the compiled type, or undefined when the schema has no such type
   */
  typeNamed: (name: string) => SchemaType | undefined
  /**
   * @param type - a compiled type from this schema
   * @returns the rules Sanity checks on a value of that type, or undefined when they depend on
   * the validation context (a `validation` function taking more than the rule), which only
   * Sanity can evaluate
   */
  rulesFor: (type: SchemaType) => readonly Rule[] | undefined
}

/**
 * Compiles schema types as the Studio does, with `@sanity/schema` alone: a few megabytes and a
 * second, where loading `sanity` to call its `createSchema` costs seconds and hundreds of
 * megabytes. The rules are derived the way Sanity derives them when it builds a workspace
 * schema; `tests/fastValidation.parity.test.ts` compares them with Sanity's for every type.
 *
 * @param types - the schema types, as a Studio config lists them
 * @returns the compiled schema and its rules
 */
export function loadStudioRules(types: readonly unknown[]): StudioRules {
  const builtin = Schema.compile({name: 'studio', types: builtinTypes})
  const schema = Schema.compile({name: 'default', types, parent: builtin})
  const isBuiltin = (type: SchemaType) => builtin.get(type.name) === type
  const derived = new WeakMap<SchemaType, readonly Rule[] | undefined>()

  const rulesFor = (type: SchemaType): readonly Rule[] | undefined => {
    if (derived.has(type)) return derived.get(type)
    const rules = deriveRules(type, isBuiltin)
    derived.set(type, rules)
    return rules
  }
  return {typeNamed: (name) => schemaTypeOrUndefined(schema.get(name)), rulesFor}
}

/**
 * Sanity infers the built-in types' rules before it compiles a workspace's own, and a compiled
 * subtype copies its parent's properties. So a type that declares no validation of its own
 * keeps the rules of its nearest built-in ancestor as they were inferred for that ancestor,
 * not rules built from its own options (a Portable Text style list, for one, is never checked).
 */
function deriveRules(
  type: SchemaType,
  isBuiltin: (type: SchemaType) => boolean,
): readonly Rule[] | undefined {
  if (type.validation === undefined && !isBuiltin(type)) {
    let ancestor = type.type
    while (ancestor && !isBuiltin(ancestor)) ancestor = ancestor.type
    if (ancestor) return deriveRules(ancestor, isBuiltin)
  }
  if (readsContext(type.validation)) return undefined
  return normalize(type, type.validation)
}

/** Sanity's reading of a `validation` value: rules, arrays of them, or functions given the base rule. */
function normalize(type: SchemaType, validation: SchemaValidationValue): Rule[] {
  if (Array.isArray(validation)) return validation.flatMap((each) => normalize(type, each))
  if (validation && typeof validation === 'object') return [validation]
  const base = baseRule(type)
  if (typeof validation === 'function') return normalize(type, validation(base))
  return [base]
}

/**
 * The rule a type has before its own validation: its JSON type, its list of allowed values,
 * and what its built-in kind implies (a date format, a URL, a unique slug, a reference). Each
 * type name in the chain counts once, the one nearest the type.
 */
function baseRule(type: SchemaType): Rule {
  const rootFirst: SchemaType[] = []
  for (
    let each: SchemaType | undefined = type;
    each && !rootFirst.includes(each);
    each = each.type
  ) {
    rootFirst.unshift(each)
  }
  // In the order each name first appears from the root, with the type nearest `type`.
  const byName = new Map<string, SchemaType>()
  for (const each of rootFirst) byName.set(each.name, each)
  let rule: Rule = new BaseRule(type)
  for (const each of byName.values()) {
    if (isRuleType(each.jsonType)) rule = rule.type(each.jsonType)
    const list = isRecord(each.options) ? each.options['list'] : undefined
    if (Array.isArray(list)) rule = rule.valid(list.map((option) => listValue(option, each)))
    if (each.name === 'datetime' || each.name === 'date') rule = rule.type('Date')
    else if (each.name === 'url') rule = rule.uri()
    else if (each.name === 'slug') rule = rule.custom(slugRule, {bypassConcurrencyLimit: true})
    else if (each.name === 'reference') rule = rule.reference()
    else if (each.name === 'email') rule = rule.email()
  }
  return rule
}

const RULE_TYPES = ['array', 'boolean', 'date', 'number', 'object', 'string'] as const

function isRuleType(jsonType: string): jsonType is (typeof RULE_TYPES)[number] {
  return RULE_TYPES.some((each) => each === jsonType)
}

/** A list option's value: `{title, value}` gives its value, unless the type itself has one. */
function listValue(option: unknown, type: SchemaType): unknown {
  if (!isRecord(option) || option['value'] === undefined) return option
  return type.jsonType === 'object' && hasValueField(type) ? option : option['value']
}

function hasValueField(type: SchemaType | undefined): boolean {
  if (!type) return false
  if (!('fields' in type)) return hasValueField(type.type)
  return Array.isArray(type.fields) && type.fields.some((field) => field.name === 'value')
}

/**
 * Whether a validation function asks for the validation context as well as the rule: two
 * parameters, or `(rule, ...rest)` anywhere in its source, as Sanity tells them. Sanity keeps
 * those as functions and calls them on every value, so they are left to Sanity.
 */
function readsContext(validation: SchemaValidationValue): boolean {
  if (Array.isArray(validation)) return validation.some(readsContext)
  if (typeof validation !== 'function') return false
  return (
    validation.length >= 2 || REST_AFTER_RULE.test(Function.prototype.toString.call(validation))
  )
}

const REST_AFTER_RULE = /\(\s*\w+\s*,\s*\.\.\./

function schemaTypeOrUndefined(value: unknown): SchemaType | undefined {
  return isSchemaType(value) ? value : undefined
}

/**
 * Narrows what `Schema#get` returns (typed `any`) to a compiled type.
 *
 * @param value - anything
 * @returns whether it has the name and JSON type every compiled type has
 */
export function isSchemaType(value: unknown): value is SchemaType {
  return (
    isRecord(value) && typeof value['name'] === 'string' && typeof value['jsonType'] === 'string'
  )
}
