import {
  isArraySchemaType,
  isKeyedObject,
  isObjectSchemaType,
  isTypedObject,
  type Path,
  type Rule,
  type SchemaType,
} from '@sanity/types'

import {isRecord} from '../../dataset/guards'
import {checkRule, type PureRule, type RuleContext, type Verdict} from './checkRule'
import type {DatasetQuestions} from './DatasetIndex'
import type {StudioRules} from './studioRules'

/** What {@link screenDocument} needs besides the document. */
export interface Screen {
  rules: StudioRules
  dataset: DatasetQuestions
  pureRules: readonly PureRule[]
}

/**
 * Walks a document the way Sanity's `validateDocument` does (every declared field of an object
 * that is present or required, every item of an array, by its resolved type) and checks every
 * rule on the way, without Sanity.
 *
 * @param document - a document as it would be written
 * @param screen - the schema's rules, the dataset, the custom rules that may be called
 * @returns `valid` when Sanity would raise no marker at all, `problem` when it would raise one,
 * `unknown` when only Sanity can tell
 */
export function screenDocument(document: unknown, screen: Screen): Verdict {
  if (!isTypedObject(document)) return 'unknown'
  const type = screen.rules.typeNamed(document._type)
  if (!type) return 'unknown'
  let verdict: Verdict = 'valid'
  const path: Path = []
  // One context for the whole walk: checks read it while they run and keep nothing of it.
  const context: RuleContext = {...screen, document, parent: undefined, path, type}
  const visit = (value: unknown, type: SchemaType | undefined, parent: unknown): boolean => {
    // An array item of no declared type is not checked by Sanity either.
    if (!type) return false
    const plan = planFor(type, screen.rules)
    if (!plan.rules) verdict = 'unknown'
    context.parent = parent
    context.type = type
    // Indexed loops throughout: the walk recurses, and iterators it allocates per value add up.
    const rules = plan.rules ?? []
    for (let index = 0; index < rules.length; index++) {
      const rule = rules[index]
      if (!rule) continue
      const checked = checkRule(rule, value, context)
      if (checked === 'problem') return true
      if (checked === 'unknown') verdict = 'unknown'
    }
    if (plan.fields && (value || (value == null && plan.required))) {
      // Rules set with `rule.fields({...})` are checked on the fields by Sanity alone.
      if (plan.fieldRules) verdict = 'unknown'
      const fields = isRecord(value) ? value : {}
      for (let index = 0; index < plan.fields.length; index++) {
        const field = plan.fields[index]
        if (!field) continue
        path.push(field.name)
        const problem = visit(fields[field.name], field.type, value)
        path.pop()
        if (problem) return true
      }
    }
    if (plan.members && Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        const item: unknown = value[index]
        path.push(isKeyedObject(item) ? {_key: item._key} : index)
        const problem = visit(item, itemType(item, plan.members), value)
        path.pop()
        if (problem) return true
      }
    }
    return false
  }
  return visit(document, type, undefined) ? 'problem' : verdict
}

/** What the walk needs of a type, worked out once per type. */
interface TypePlan {
  rules: readonly Rule[] | undefined
  /** Whether a rule requires the value (an absent required object still has its fields checked). */
  required: boolean
  fieldRules: boolean
  /** The declared fields, for an object type. */
  fields: readonly {name: string; type: SchemaType}[] | undefined
  /** The member types, for an array type. */
  members: SchemaType[] | undefined
}

const plans = new WeakMap<SchemaType, TypePlan>()

function planFor(type: SchemaType, studioRules: StudioRules): TypePlan {
  let plan = plans.get(type)
  if (plan) return plan
  const fields = isObjectSchemaType(type) ? type.fields : undefined
  // An object type without a list of fields is one Sanity's walk would fail on.
  const rules = fields && !Array.isArray(fields) ? undefined : studioRules.rulesFor(type)
  plan = {
    rules,
    required: rules?.some((rule) => rule._required === 'required') ?? false,
    fieldRules: rules?.some((rule) => rule._fieldRules !== undefined) ?? false,
    fields,
    members: isArraySchemaType(type) ? type.of : undefined,
  }
  plans.set(type, plan)
  return plan
}

/** Sanity's choice of member type for an array item: the only one, else by `_type` or JSON type. */
function itemType(item: unknown, members: SchemaType[]): SchemaType | undefined {
  if (members.length === 1) return members[0]
  if (item == null) return undefined
  const typeName = isTypedObject(item) ? item._type : ''
  if (!typeName) {
    const jsonType = Array.isArray(item) ? 'array' : typeof item
    if (jsonType !== 'object') return members.find((member) => member.jsonType === jsonType)
  }
  return (
    members.find((member) => member.type?.name === typeName) ??
    members.find((member) => member.name === typeName) ??
    (typeName ? undefined : members.find((member) => member.name === 'object'))
  )
}
