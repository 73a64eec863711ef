import {
  isArraySchemaType,
  isKeyedObject,
  isObjectSchemaType,
  isTypedObject,
  type Path,
  type SchemaType,
} from '@sanity/types'

import {isRecord} from '../../dataset/guards'
import {checkRule, type PureRule, type Verdict} from './checkRule'
import type {DatasetIndex} from './DatasetIndex'
import type {StudioRules} from './studioRules'

/** What {@link screenDocument} needs besides the document. */
export interface Screen {
  rules: StudioRules
  dataset: DatasetIndex
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
  const visit = (value: unknown, type: SchemaType | undefined, path: Path, parent: unknown) => {
    // An array item of no declared type is not checked by Sanity either.
    if (!type) return false
    const rules = screen.rules.rulesFor(type)
    if (!rules) verdict = 'unknown'
    for (const rule of rules ?? []) {
      const context = {...screen, document, parent, path, type}
      const checked = checkRule(rule, value, context)
      if (checked === 'problem') return true
      if (checked === 'unknown') verdict = 'unknown'
    }
    const required = rules?.some((rule) => rule._required === 'required') ?? false
    if (isObjectSchemaType(type) && (value || (value == null && required))) {
      // Rules set with `rule.fields({...})` are checked on the fields by Sanity alone.
      if (rules?.some((rule) => rule._fieldRules)) verdict = 'unknown'
      const fields = isRecord(value) ? value : {}
      if (!Array.isArray(type.fields)) verdict = 'unknown'
      for (const field of type.fields ?? []) {
        if (visit(fields[field.name], field.type, [...path, field.name], value)) return true
      }
    }
    if (isArraySchemaType(type) && Array.isArray(value)) {
      for (const [index, item] of value.entries()) {
        const segment = isKeyedObject(item) ? {_key: item._key} : index
        if (visit(item, itemType(item, type.of), [...path, segment], value)) return true
      }
    }
    return false
  }
  return visit(document, type, [], undefined) ? 'problem' : verdict
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
