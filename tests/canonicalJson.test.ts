import fc from 'fast-check'
import {expect, test} from 'vitest'

import {canonicalJson} from '../importer/documents/canonicalJson'

/** The definition, written the slow obvious way. */
function referenceJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(referenceJson).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${referenceJson(item)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

// Sanity field names start with a letter or underscore, so no key is an array index.
const fieldName = fc.stringMatching(/^[_a-zA-Z][\w$é]{0,6}$/)
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    {depthSize: 'small'},
    fc.string(),
    fc.integer(),
    fc.double({noNaN: true, noDefaultInfinity: true}),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value')),
    fc.dictionary(fieldName, fc.option(tie('value'), {nil: undefined})),
  ),
})).value

test('canonicalJson: matches the key-sorting definition for any JSON', () => {
  fc.assert(
    fc.property(json, (value) => {
      expect(canonicalJson(value)).toBe(referenceJson(value))
    }),
  )
})

test('canonicalJson: key order does not matter, at any depth', () => {
  const a = {title: 'T', sections: [{_type: 'section', _key: 'k', content: []}], _id: 'x'}
  const b = {_id: 'x', sections: [{content: [], _key: 'k', _type: 'section'}], title: 'T'}
  expect(canonicalJson(a)).toBe(canonicalJson(b))
  expect(canonicalJson(a)).toBe(
    '{"_id":"x","sections":[{"_key":"k","_type":"section","content":[]}],"title":"T"}',
  )
})

test('canonicalJson: leaves out undefined fields and leaves its input as it was', () => {
  const input = {b: 1, a: undefined, c: {z: [1, undefined], y: 'é'}}
  expect(canonicalJson(input)).toBe('{"b":1,"c":{"y":"é","z":[1,null]}}')
  expect(Object.keys(input)).toEqual(['b', 'a', 'c'])
  expect(Object.keys(input.c)).toEqual(['z', 'y'])
})

/** An object whose prototype has enumerable keys, which JSON.stringify leaves out. */
function inheriting<T extends object>(own: T, prototype: object): T {
  Object.setPrototypeOf(own, prototype)
  return own
}

test.each([
  {
    name: '1. in order at every depth',
    input: {a: [{b: 1, c: 'x'}], d: {e: null}},
    output: '{"a":[{"b":1,"c":"x"}],"d":{"e":null}}',
  },
  {
    name: '2. out of order deep inside',
    input: {a: [{b: 1}, {d: 2, c: 3}], e: 4},
    output: '{"a":[{"b":1},{"c":3,"d":2}],"e":4}',
  },
  {name: '3. an empty key', input: {'a': 1, '': 2}, output: '{"":2,"a":1}'},
  {
    name: '4. inherited keys after, left out',
    input: inheriting({a: 1, b: 2}, {z: 1}),
    output: '{"a":1,"b":2}',
  },
  {
    name: '5. inherited keys before, left out',
    input: inheriting({b: 2}, {a: 1}),
    output: '{"b":2}',
  },
  {name: '6. a top-level array of scalars', input: ['b', 'a', 1], output: '["b","a",1]'},
])('canonicalJson: $name', ({input, output}) => {
  expect(canonicalJson(input)).toBe(output)
})
