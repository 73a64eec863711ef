import {createRequire} from 'node:module'

import type {Rule, SchemaType} from '@sanity/types'
import {describe, expect, test} from 'vitest'

import {schemaTypes} from '../schemas/schemaTypes'
import {isSchemaType, loadStudioRules, slugRule} from '../validation/fast/studioRules'

/** A rule as plain data: its type, presence, level, message and flags with their constraints. */
function describeRule(rule: Rule): unknown {
  return {
    type: rule._type,
    required: rule._required,
    level: rule._level,
    message: rule._message,
    fieldRules: rule._fieldRules === undefined ? undefined : Object.keys(rule._fieldRules),
    flags: rule._rules.map((spec) => {
      const constraint = 'constraint' in spec ? spec.constraint : undefined
      if (typeof constraint === 'function') {
        // Sanity's own slug validator and the stand-in the fast path checks itself.
        const name = constraint === slugRule ? 'slugValidator' : constraint.name
        return {flag: spec.flag, function: name}
      }
      if (spec.flag === 'uri') {
        const {scheme, ...options} = spec.constraint.options
        return {flag: 'uri', ...options, scheme: scheme.map(String)}
      }
      return {flag: spec.flag, constraint}
    }),
  }
}

/** Sanity keeps a validation that reads its context as a function; the fast path answers undefined. */
function describeSanityRules(type: SchemaType): unknown {
  const {validation} = type
  if (!Array.isArray(validation)) return 'reads context'
  return validation.map((rule: unknown) => (isRule(rule) ? describeRule(rule) : rule))
}

function isRule(value: unknown): value is Rule {
  return typeof value === 'object' && value !== null && '_rules' in value
}

/** Every type reachable from a document type, by field, array member and annotation. */
function reachable(type: SchemaType, path: string, seen = new Set<SchemaType>()) {
  const found: {path: string; type: SchemaType}[] = [{path, type}]
  if (seen.has(type)) return found
  seen.add(type)
  const children: [string, unknown][] = [
    ...('fields' in type ? type.fields.map((f): [string, unknown] => [`.${f.name}`, f.type]) : []),
    ...('of' in type && Array.isArray(type.of)
      ? type.of.map((m: unknown, i): [string, unknown] => [`[${i}]`, m])
      : []),
    ...('annotations' in type && Array.isArray(type.annotations)
      ? type.annotations.map((a: unknown, i): [string, unknown] => [`@${i}`, a])
      : []),
  ]
  for (const [step, child] of children) {
    if (isSchemaType(child)) found.push(...reachable(child, path + step, seen))
  }
  return found
}

/** The document types, with how many types each reaches (so that a lost branch shows). */
const DOCUMENT_TYPES = [
  {name: 'article', reaches: 56},
  {name: 'person', reaches: 6},
  {name: 'newsletter', reaches: 10},
]

/** Built-in kinds, option lists and type chains, beyond what the content model uses. */
const EDGE_TYPES = [
  {name: 'tone', type: 'string', options: {list: ['calm', 'urgent']}},
  {
    name: 'edge',
    type: 'document',
    fields: [
      {name: 'listed', type: 'string', options: {list: [{title: 'A', value: 'a'}, 'b']}},
      {
        name: 'listedRequired',
        type: 'string',
        options: {list: ['a']},
        validation: (rule: Rule) => rule.required(),
      },
      {name: 'tone', type: 'tone'},
      {name: 'toneRequired', type: 'tone', validation: (rule: Rule) => rule.required()},
      {name: 'site', type: 'url'},
      {name: 'mail', type: 'email'},
      {name: 'when', type: 'datetime'},
      {name: 'day', type: 'date'},
      {name: 'count', type: 'number', validation: (rule: Rule) => rule.min(1).max(9).integer()},
      {name: 'flag', type: 'boolean'},
      {name: 'tags', type: 'array', of: [{type: 'string'}], options: {list: ['x', 'y']}},
      {name: 'link', type: 'reference', to: [{type: 'edge'}], weak: true},
      {
        name: 'code',
        type: 'slug',
        validation: (rule: Rule) => [rule.required(), rule.custom(() => true).warning('w')],
      },
    ],
  },
]

/** Every node's rules under a document type, as the fast path derives them. */
function describeOurs(types: unknown[], name: string) {
  const rules = loadStudioRules(types)
  const type = rules.typeNamed(name)
  if (!type) throw new Error(`no type ${name}`)
  return reachable(type, name).map(({path, type}) => {
    const derived = rules.rulesFor(type)
    return {path, rules: derived ? derived.map(describeRule) : 'reads context'}
  })
}

// Derived before `sanity` loads: loading it infers rules into the built-in type definitions that
// `@sanity/schema` shares, which would hide a difference the importer (which never loads it) has.
const ours = new Map(DOCUMENT_TYPES.map(({name}) => [name, describeOurs(schemaTypes, name)]))
const oursEdge = describeOurs(EDGE_TYPES, 'edge')
const fast = loadStudioRules(schemaTypes)
const {createSchema} = await import('sanity')

/** Every node's rules under a document type, as Sanity infers them. */
function describeTheirs(types: unknown[], name: string) {
  const type = createSchema({name: 'default', types}).get(name)
  if (!type) throw new Error(`no type ${name}`)
  return reachable(type, name).map(({path, type}) => ({path, rules: describeSanityRules(type)}))
}

describe('loadStudioRules', () => {
  test.each(DOCUMENT_TYPES)(
    'loadStudioRules: every rule under $name is the one Sanity infers',
    ({name, reaches}) => {
      expect(ours.get(name)).toEqual(describeTheirs(schemaTypes, name))
      expect(ours.get(name)?.length).toBe(reaches)
    },
  )

  test('loadStudioRules: rules of built-in kinds, lists and type chains are the ones Sanity infers', () => {
    expect(oursEdge).toEqual(describeTheirs(EDGE_TYPES, 'edge'))
  })

  test('loadStudioRules: a style list on Portable Text is not a rule, as in Sanity', () => {
    const section = fast.typeNamed('section')
    const content = section && 'fields' in section ? section.fields[2]?.type : undefined
    const block =
      content && 'of' in content && Array.isArray(content.of) ? content.of[0] : undefined
    const style = isSchemaType(block) && 'fields' in block ? block.fields[1]?.type : undefined
    expect(style?.name).toBe('string')
    const rules = style ? fast.rulesFor(style) : undefined
    expect(rules?.flatMap((rule) => rule._rules.map((spec) => spec.flag))).toEqual(['type'])
  })

  test('loadStudioRules: a type not in the schema is undefined', () => {
    expect(fast.typeNamed('podcast')).toBeUndefined()
  })

  test('loadStudioRules: a validation reading its context is left to Sanity', () => {
    const types = [
      {
        name: 'note',
        type: 'document',
        fields: [
          {
            name: 'a',
            type: 'string',
            validation: (rule: Rule, context: unknown) => (context ? rule : rule.required()),
          },
          {name: 'b', type: 'string', validation: (rule: Rule) => rule.required()},
        ],
      },
    ]
    const rules = loadStudioRules(types)
    const note = rules.typeNamed('note')
    const [a, b] = note && 'fields' in note ? note.fields : []
    expect(a && rules.rulesFor(a.type)).toBeUndefined()
    expect(b && rules.rulesFor(b.type)?.map((rule) => rule._required)).toEqual(['required'])
  })

  test('loadStudioRules: @sanity/schema is the copy Sanity itself uses', () => {
    const fromProject = createRequire(import.meta.url).resolve('@sanity/schema')
    const sanityEntry = createRequire(import.meta.url).resolve('sanity')
    const fromSanity = createRequire(sanityEntry).resolve('@sanity/schema')
    expect(fromProject).toBe(fromSanity)
  })
})
