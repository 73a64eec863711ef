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
  const visit = (value: unknown, plan: TypePlan | undefined, parent: unknown): boolean => {
    // An array item of no declared type is not checked by Sanity either.
    if (!plan) return false
    if (!plan.rules) verdict = 'unknown'
    context.parent = parent
    context.type = plan.type
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
        field.plan ??= planFor(field.type, screen.rules)
        const problem = visit(fields[field.name], field.plan, value)
        path.pop()
        if (problem) return true
      }
    }
    if (plan.members && Array.isArray(value)) {
      const {members} = plan
      for (let index = 0; index < value.length; index++) {
        const item: unknown = value[index]
        path.push(isKeyedObject(item) ? {_key: item._key} : index)
        const type = itemType(item, members.types)
        const problem = visit(item, type && memberPlan(members, type, screen.rules), value)
        path.pop()
        if (problem) return true
      }
    }
    return false
  }
  return visit(document, planFor(type, screen.rules), undefined) ? 'problem' : verdict
}

/** What the walk needs of a type, worked out once per type. */
interface TypePlan {
  type: SchemaType
  rules: readonly Rule[] | undefined
  /** Whether a rule requires the value (an absent required object still has its fields checked). */
  required: boolean
  fieldRules: boolean
  /** The declared fields, for an object type, each with its type's plan once one is needed. */
  fields: {name: string; type: SchemaType; plan?: TypePlan}[] | undefined
  /** The member types, for an array type, and the plan of the only one once it is needed. */
  members: {types: SchemaType[]; only?: TypePlan} | undefined
}

const plans = new WeakMap<SchemaType, TypePlan>()

function planFor(type: SchemaType, studioRules: StudioRules): TypePlan {
  let plan = plans.get(type)
  if (plan) return plan
  const fields = isObjectSchemaType(type) ? type.fields : undefined
  // An object type without a list of fields is one Sanity's walk would fail on.
  const rules = fields && !Array.isArray(fields) ? undefined : studioRules.rulesFor(type)
  plan = {
    type,
    rules,
    required: rules?.some((rule) => rule._required === 'required') ?? false,
    fieldRules: rules?.some((rule) => rule._fieldRules !== undefined) ?? false,
    fields: Array.isArray(fields)
      ? fields.map(({name, type: fieldType}) => ({name, type: fieldType}))
      : undefined,
    members: isArraySchemaType(type) ? {types: type.of} : undefined,
  }
  plans.set(type, plan)
  return plan
}

/** The plan of an array item's type: kept on the array's plan when the array has one type. */
function memberPlan(
  members: NonNullable<TypePlan['members']>,
  type: SchemaType,
  studioRules: StudioRules,
): TypePlan {
  if (members.types.length !== 1) return planFor(type, studioRules)
  members.only ??= planFor(type, studioRules)
  return members.only
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
