import fc from 'fast-check'
import {expect, test} from 'vitest'

import {canonicalJson, keysInOrder, withSortedKeys} from '../importer/documents/canonicalJson'

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

test.each([
  {n: 1, json: '{"z":1,"__proto__":{"a":1}}', output: '{"__proto__":{"a":1},"z":1}'},
  {n: 2, json: '{"__proto__":{"b":1,"a":2},"z":1}', output: '{"__proto__":{"a":2,"b":1},"z":1}'},
  {
    n: 3,
    json: '{"a":{"__proto__":[{"d":1,"c":2}]}}',
    output: '{"a":{"__proto__":[{"c":2,"d":1}]}}',
  },
])('canonicalJson: $n keeps a key named __proto__ in $json', ({json, output}) => {
  // JSON.parse makes `__proto__` an own key, as any JSON a lake stores may have.
  expect(canonicalJson(JSON.parse(json))).toBe(output)
})

test.each([
  {n: 1, name: 'undefined', input: undefined, output: 'null'},
  {n: 2, name: 'a function', input: () => 1, output: 'null'},
  {n: 3, name: 'undefined in an array', input: [undefined], output: '[null]'},
])('canonicalJson: $n writes $name as JSON does, never as nothing', ({input, output}) => {
  expect(canonicalJson(input)).toBe(output)
})

test.each([
  {n: 1, name: 'a string', input: 'ba', output: true},
  {n: 2, name: 'null', input: null, output: true},
  {n: 3, name: 'an empty object', input: {}, output: true},
  {n: 4, name: 'an empty array', input: [], output: true},
  {
    n: 5,
    name: 'in order at every depth',
    input: {a: [{b: 'x', c: null}], d: {e: 'y'}},
    output: true,
  },
  {n: 6, name: 'capitals before small letters', input: {A: 'x', B: 'y', a: 'z'}, output: true},
  {n: 7, name: 'a small letter before a capital', input: {a: 1, A: 2}, output: false},
  {n: 8, name: 'out of order at the top', input: {b: 1, a: 2}, output: false},
  {n: 9, name: 'out of order in the last item', input: {a: [{b: 1}, {d: 1, c: 2}]}, output: false},
  {
    n: 10,
    name: 'out of order in an array in an array',
    input: [[{}], [{b: 1, a: 2}]],
    output: false,
  },
  {n: 11, name: 'out of order under a key in order', input: {a: 1, b: {d: 1, c: 2}}, output: false},
  {n: 12, name: 'an empty key alone', input: {'': 1}, output: false},
  {n: 13, name: 'an empty key first', input: {'': 1, 'a': 2}, output: false},
  {n: 14, name: 'a key and the same key with a space', input: {'a': 1, 'a ': 2}, output: true},
  {
    n: 15,
    name: '"é" whole, then "é" as e and accent',
    input: {'\u00e9': 1, 'e\u0301': 2},
    output: false,
  },
  {
    n: 16,
    name: '"é" as e and accent, then whole',
    input: {'e\u0301': 1, '\u00e9': 2},
    output: true,
  },
  {
    n: 17,
    name: 'inherited keys after own ones',
    input: inheriting({a: 1, b: 2}, {z: 1}),
    output: true,
  },
  {
    n: 18,
    name: 'an inherited key before own ones',
    input: inheriting({b: 2}, {a: 1}),
    output: false,
  },
  {n: 19, name: 'null items beside objects in order', input: [null, {a: null}, 'b'], output: true},
  {
    n: 20,
    name: 'null items beside one out of order',
    input: [null, {b: 1, a: null}],
    output: false,
  },
])('keysInOrder: $n $name gives $output', ({input, output}) => {
  expect(keysInOrder(input)).toBe(output)
})

type Path = (string | number)[]

/** The part of a value a path of keys and indexes leads to. */
function at(value: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (part, key) => (typeof part === 'object' && part !== null ? Reflect.get(part, key) : undefined),
    value,
  )
}

test.each<{
  n: number
  name: string
  input: unknown
  output: string
  copied: Path[]
  shared: Path[]
}>([
  {
    n: 1,
    name: 'keys in order at every depth: the input itself',
    input: {A: 'x', B: [null, {c: 'y'}], a: {b: 1}},
    output: '{"A":"x","B":[null,{"c":"y"}],"a":{"b":1}}',
    copied: [],
    shared: [[]],
  },
  {n: 2, name: 'a string: itself', input: 'ba', output: '"ba"', copied: [], shared: [[]]},
  {n: 3, name: 'an empty array: itself', input: [], output: '[]', copied: [], shared: [[]]},
  {
    n: 4,
    name: 'one object out of order deep inside: copies only along the path to it',
    input: {a: {x: [1]}, b: [{c: 1}, {e: 1, d: 2}], f: {g: {h: 1}}},
    output: '{"a":{"x":[1]},"b":[{"c":1},{"d":2,"e":1}],"f":{"g":{"h":1}}}',
    copied: [[], ['b'], ['b', 1]],
    shared: [['a'], ['a', 'x'], ['b', 0], ['f'], ['f', 'g']],
  },
  {
    n: 5,
    name: 'an array whose last item is out of order: a copy sharing the others',
    input: [{a: 1}, [{b: 1}], 'c', null, {e: [2], d: 1}],
    output: '[{"a":1},[{"b":1}],"c",null,{"d":1,"e":[2]}]',
    copied: [[], [4]],
    shared: [[0], [1], [1, 0], [4, 'e']],
  },
  {
    n: 6,
    name: 'an object out of order over parts in order: only it is new',
    input: {b: {y: 1}, a: [{x: 1}]},
    output: '{"a":[{"x":1}],"b":{"y":1}}',
    copied: [[]],
    shared: [['a'], ['a', 0], ['b']],
  },
  {
    n: 7,
    name: 'two objects out of order under one in order: both sorted',
    input: {a: {c: 1, b: 2}, d: 'x', e: {g: 1, f: 2}},
    output: '{"a":{"b":2,"c":1},"d":"x","e":{"f":2,"g":1}}',
    copied: [[], ['a'], ['e']],
    shared: [],
  },
  {
    n: 8,
    name: 'a capital after a small letter: sorted first',
    input: {a: 1, B: {c: 2}},
    output: '{"B":{"c":2},"a":1}',
    copied: [[]],
    shared: [['B']],
  },
  {
    n: 9,
    name: 'an empty key, out of order as keysInOrder has it: a copy',
    input: {'': 1, 'a': {b: 1}},
    output: '{"":1,"a":{"b":1}}',
    copied: [[]],
    shared: [['a']],
  },
  {
    n: 10,
    name: 'own keys out of order, inherited ones left out',
    input: inheriting({b: {c: 1}, a: 1}, {z: 1}),
    output: '{"a":1,"b":{"c":1}}',
    copied: [[]],
    shared: [['b']],
  },
])('withSortedKeys: $n $name', ({input, output, copied, shared}) => {
  const before = JSON.stringify(input)
  const sorted = withSortedKeys(input)
  expect(JSON.stringify(sorted)).toBe(output)
  for (const path of copied) expect(at(sorted, path)).not.toBe(at(input, path))
  for (const path of shared) expect(at(sorted, path)).toBe(at(input, path))
  expect(JSON.stringify(input)).toBe(before)
})

test('withSortedKeys: gives the value itself exactly when keysInOrder finds it in order, and never changes it', () => {
  // An empty key as well: keysInOrder counts it as out of order, and so must the copy.
  const key = fc.oneof(fieldName, fc.constant(''))
  const value = fc.letrec((tie) => ({
    value: fc.oneof(
      {depthSize: 'small'},
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.array(tie('value')),
      fc.dictionary(key, fc.option(tie('value'), {nil: undefined})),
    ),
  })).value
  fc.assert(
    fc.property(value, (input) => {
      const before = JSON.stringify(input)
      const sorted = withSortedKeys(input)
      expect(sorted === input).toBe(keysInOrder(input))
      expect(JSON.stringify(sorted) ?? 'null').toBe(referenceJson(input))
      expect(JSON.stringify(input)).toBe(before)
    }),
  )
})
