import {getPublishedId} from '@sanity/client/csm'
import {
  isReference,
  isSlug,
  type Path,
  type Rule,
  type RuleSpec,
  type SchemaType,
} from '@sanity/types'

import {isRecord} from '../../dataset/guards'
import type {DatasetQuestions} from './DatasetIndex'
import {slugRule} from './studioRules'

/**
 * What the fast path concludes about a value: Sanity would raise no marker (`valid`), Sanity
 * would raise at least one (`problem`), or only Sanity can tell (`unknown`).
 */
export type Verdict = 'valid' | 'problem' | 'unknown'

/**
 * A custom rule that reads only its value, the document, the path and the parent, and answers
 * at once, so it may be called without Sanity. Returns what the rule returns.
 */
export type PureRule = (
  value: unknown,
  context: {document: unknown; path: Path; parent: unknown},
) => unknown

/** Where a value sits and what it is checked against. */
export interface RuleContext {
  document: Record<string, unknown>
  parent: unknown
  /** The value's path; only valid during the check. */
  path: Path
  type: SchemaType
  /** The documents references and default slug uniqueness are checked against. */
  dataset: DatasetQuestions
  /** Custom rules and `isUnique` functions that may be called directly, found by identity. */
  pureRules: readonly PureRule[]
}

/**
 * Checks a value against one of Sanity's rules as Sanity's `Rule#validate` would: an empty
 * value passes an optional rule, and meets only the custom checks of a rule that says neither
 * required nor optional.
 *
 * @param rule - a rule from {@link StudioRules.rulesFor}
 * @param value - the value at `context.path`
 * @param context - where the value sits
 * @returns the verdict for this rule alone
 */
export function checkRule(rule: Rule, value: unknown, context: RuleContext): Verdict {
  const empty = value == null
  if (empty && rule._required === 'optional') return 'valid'
  let verdict: Verdict = 'valid'
  for (let index = 0; index < rule._rules.length; index++) {
    const spec = rule._rules[index]
    if (!spec) continue
    if (empty && rule._required === undefined && spec.flag !== 'custom') continue
    const flag = checkFlag(rule._type, spec, value, context)
    if (flag === 'problem') return 'problem'
    if (flag === 'unknown') verdict = 'unknown'
  }
  return verdict
}

function checkFlag(
  ruleType: Rule['_type'],
  spec: RuleSpec,
  value: unknown,
  context: RuleContext,
): Verdict {
  switch (spec.flag) {
    case 'type':
      return ruleType === 'Date' ? checkDate(value) : checkType(spec.constraint, value)
    case 'presence':
      return spec.constraint === 'required' && isAbsent(ruleType, value) ? 'problem' : 'valid'
    case 'min':
    case 'max':
    case 'length':
      return checkLength(ruleType, spec.flag, spec.constraint, value)
    case 'unique':
      return ruleType === 'Array' ? checkUnique(value) : 'unknown'
    case 'valid':
      return checkAllowed(ruleType, spec.constraint, value)
    case 'uri':
      return ruleType === 'String' ? checkUri(spec.constraint.options, value) : 'unknown'
    case 'reference':
      return ruleType === 'Object' ? checkReference(value, context) : 'unknown'
    case 'custom':
      return spec.constraint === slugRule
        ? checkSlug(value, context)
        : checkCustom(spec, value, context)
    default:
      return 'unknown'
  }
}

/**
 * Sanity's name for a value's type (`String`, `Object`, `null`…), for JSON values; undefined
 * for anything JSON cannot hold, which Sanity would name by its class.
 */
function typeName(value: unknown): string | undefined {
  if (value === undefined) return 'undefined'
  if (value === null) return 'null'
  if (typeof value === 'string') return 'String'
  if (typeof value === 'number') return 'Number'
  if (typeof value === 'boolean') return 'Boolean'
  if (Array.isArray(value)) return 'Array'
  if (typeof value !== 'object') return undefined
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null ? 'Object' : undefined
}

function checkType(expected: string, value: unknown): Verdict {
  const actual = typeName(value)
  if (actual === undefined) return 'unknown'
  return actual === expected || actual === 'undefined' ? 'valid' : 'problem'
}

/**
 * The timestamps the importer writes (`Date#toISOString`, with or without milliseconds) are
 * ISO 8601 dates Sanity accepts. Sanity's pattern also takes many other forms; those are left
 * to Sanity rather than guessed at.
 */
const ISO_TIMESTAMP =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,3})?Z$/

function checkDate(value: unknown): Verdict {
  if (value === undefined) return 'valid'
  return typeof value === 'string' && ISO_TIMESTAMP.test(value) ? 'valid' : 'unknown'
}

/** Sanity's `required` differs by type: `""` is missing for a string, `{}` for an object. */
function isAbsent(ruleType: Rule['_type'], value: unknown): boolean {
  switch (ruleType) {
    case 'String':
    case 'Array':
      return !value
    case 'Boolean':
      return typeof value !== 'boolean'
    case 'Object':
      if (value === undefined) return true
      if (!value) return false
      return Object.keys(value).every((key) => key === '_key' || key === '_type' || key === '_weak')
    default:
      return value === undefined
  }
}

function checkLength(
  ruleType: Rule['_type'],
  flag: 'min' | 'max' | 'length',
  limit: unknown,
  value: unknown,
): Verdict {
  if (typeof limit !== 'number') return 'unknown'
  if (ruleType === 'Number') {
    if (flag === 'length' || typeof value !== 'number') return 'unknown'
    return (flag === 'min' ? value >= limit : value <= limit) ? 'valid' : 'problem'
  }
  if (ruleType !== 'String' && ruleType !== 'Array') return 'unknown'
  // Both skip an empty value, except a string's exact length, which counts it as "".
  if (!value && !(ruleType === 'String' && flag === 'length')) return 'valid'
  const measured = value || ''
  if (typeof measured !== 'string' && !Array.isArray(measured)) return 'unknown'
  const {length} = measured
  const fits =
    flag === 'min' ? length >= limit : flag === 'max' ? length <= limit : length === limit
  return fits ? 'valid' : 'problem'
}

/**
 * Equality as Sanity's uniqueness and allowed-value checks see it: deep, with `_key` ignored
 * but still counted among an object's keys.
 */
function sameIgnoringKey(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => sameIgnoringKey(item, b[index]))
    )
  }
  if (!isRecord(a) || !isRecord(b)) return false
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every(
    (key) => key === '_key' || (Object.hasOwn(b, key) && sameIgnoringKey(a[key], b[key])),
  )
}

function checkUnique(value: unknown): Verdict {
  if (!value) return 'valid'
  if (!Array.isArray(value)) return 'unknown'
  for (let i = 0; i < value.length; i++) {
    for (let j = i + 1; j < value.length; j++) {
      if (sameIgnoringKey(value[i], value[j])) return 'problem'
    }
  }
  return 'valid'
}

function checkAllowed(ruleType: Rule['_type'], allowed: unknown[], value: unknown): Verdict {
  if (value === undefined) return 'valid'
  const isAllowed = (item: unknown) => allowed.some((each) => sameIgnoringKey(each, item))
  if (ruleType !== 'Array') return isAllowed(value) ? 'valid' : 'problem'
  if (!Array.isArray(value)) return 'unknown'
  return value.every(isAllowed) ? 'valid' : 'problem'
}

type UriOptions = Extract<RuleSpec, {flag: 'uri'}>['constraint']['options']

/** Absolute URLs only: rules that allow relative ones are left to Sanity. */
function checkUri(options: UriOptions, value: unknown): Verdict {
  if (!value) return 'valid'
  if (typeof value !== 'string' || options.allowRelative || options.relativeOnly) return 'unknown'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'problem'
  }
  if (!options.allowCredentials && (url.username || url.password)) return 'problem'
  const scheme = url.protocol.replace(/:$/, '')
  return options.scheme.some((pattern) => pattern.test(scheme)) ? 'valid' : 'problem'
}

function checkReference(value: unknown, context: RuleContext): Verdict {
  if (!value) return 'valid'
  if (!isReference(value)) return 'problem'
  if ('weak' in context.type && context.type.weak) return 'valid'
  const documentId = context.document['_id']
  if (typeof documentId === 'string' && value._ref === getPublishedId(documentId)) return 'valid'
  return context.dataset.has(value._ref) ? 'valid' : 'problem'
}

function checkSlug(value: unknown, context: RuleContext): Verdict {
  if (!value) return 'valid'
  if (!isSlug(value) || value.current.trim().length === 0) return 'problem'
  const options: unknown = context.type.options
  const isUnique = isRecord(options) ? options['isUnique'] : undefined
  if (isUnique) {
    const rule = pureRule(context, isUnique)
    if (!rule) return 'unknown'
    const unique = callRule(rule, value.current, context)
    return unique === THREW || !unique ? 'problem' : 'valid'
  }
  // Sanity's default asks the dataset for another document of this type with this slug at this
  // path. Only a slug field on the document itself is answered from the index.
  const [field, ...deeper] = context.path
  const {_id: id, _type: type} = context.document
  if (typeof field !== 'string' || deeper.length > 0) return 'unknown'
  if (typeof id !== 'string' || typeof type !== 'string') return 'unknown'
  return context.dataset.slugTaken(type, field, value.current, getPublishedId(id))
    ? 'problem'
    : 'valid'
}

function checkCustom(
  spec: Extract<RuleSpec, {flag: 'custom'}>,
  value: unknown,
  context: RuleContext,
): Verdict {
  const rule = pureRule(context, spec.constraint)
  if (!rule) return 'unknown'
  const result = callRule(rule, value, context)
  if (result === true) return 'valid'
  return result === THREW || typeof result === 'string' || result === false ? 'problem' : 'unknown'
}

/** The pure rule a schema's function is, found by identity; undefined for one not known pure. */
function pureRule(context: RuleContext, fn: unknown): PureRule | undefined {
  return context.pureRules.find((each) => each === fn)
}

const THREW = Symbol('threw')

/** Sanity reports an exception in a rule as an error on the value. */
function callRule(rule: PureRule, value: unknown, context: RuleContext): unknown {
  const {document, parent} = context
  try {
    // The path is the walk's own, changed as it goes: the rule gets a copy to keep.
    return rule(value, {document, parent, path: [...context.path]})
  } catch {
    return THREW
  }
}
