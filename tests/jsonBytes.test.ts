import fc from 'fast-check'
import {describe, expect, test} from 'vitest'

import {
  isJsonBlank,
  JsonDepthError,
  onlyMemberValue,
  parseJsonBytes,
  Utf8Builder,
} from '../dataset/jsonBytes'

/** What `parseJsonBytes` must match: the value, or that it throws a SyntaxError. */
function reference(bytes: Buffer): {value: unknown} | 'SyntaxError' {
  try {
    return {value: JSON.parse(bytes.toString('utf8'))}
  } catch (error) {
    if (error instanceof SyntaxError) return 'SyntaxError'
    throw error
  }
}

function actual(bytes: Buffer, pieceBytes: number): {value: unknown} | 'SyntaxError' {
  try {
    return {value: parseJsonBytes(bytes, {pieceBytes})}
  } catch (error) {
    if (error instanceof SyntaxError) return 'SyntaxError'
    throw error
  }
}

/** JSON text with whitespace, duplicate and `__proto__` keys, escapes and non-ASCII text. */
const spaced = fc.constantFrom('', ' ', '\n', '\t ', '\r\n')
const key = fc.oneof(
  fc.string({maxLength: 6}),
  fc.constantFrom('__proto__', 'a', 'constructor', '0', '1', 'é', '"'),
)
const jsonText: fc.Arbitrary<string> = fc.letrec<{value: string}>((tie) => ({
  value: fc.oneof(
    {depthSize: 'small'},
    fc.string({unit: 'binary'}).map((text) => JSON.stringify(text)),
    fc.constantFrom('"a\\\\"', '"\\"["', '"\\u00e9\\n"', '"{,:}"', '"Київ"', '"😀"'),
    fc.double({noNaN: true, noDefaultInfinity: true}).map((number) => JSON.stringify(number)),
    fc.constantFrom('true', 'false', 'null', '-0', '1e5', '0.5E-3'),
    fc
      .array(fc.tuple(spaced, tie('value'), spaced))
      .map((items) => `[${items.map((parts) => parts.join('')).join(',')}]`),
    fc
      .array(fc.tuple(spaced, key, spaced, spaced, tie('value'), spaced))
      .map(
        (members) =>
          `{${members.map(([a, name, b, c, value, d]) => `${a}${JSON.stringify(name)}${b}:${c}${value}${d}`).join(',')}}`,
      ),
  ),
})).value

/** An edit that may break the text: drop, repeat or insert a character somewhere. */
const edit = fc.tuple(
  fc.constantFrom('drop', 'repeat', 'insert'),
  fc.nat(),
  fc.constantFrom(',', ':', '[', ']', '{', '}', '"', '\\', ' ', 'x', '1', '\u00e9'),
)

function applyEdit(text: string, [kind, at, character]: [string, number, string]): string {
  if (text.length === 0) return character
  const index = at % text.length
  if (kind === 'drop') return text.slice(0, index) + text.slice(index + 1)
  if (kind === 'repeat') return text.slice(0, index + 1) + text.slice(index)
  return text.slice(0, index) + character + text.slice(index)
}

describe('parseJsonBytes', () => {
  test('parseJsonBytes: equals JSON.parse for any JSON, split into pieces of any size', () => {
    fc.assert(
      fc.property(jsonText, spaced, fc.integer({min: 0, max: 64}), (text, space, pieceBytes) => {
        const bytes = Buffer.from(`${space}${text}${space}`)
        expect(actual(bytes, pieceBytes)).toEqual(reference(bytes))
      }),
      {numRuns: 2000, seed: 20261201},
    )
  })

  test('parseJsonBytes: refuses exactly what JSON.parse refuses', () => {
    fc.assert(
      fc.property(
        jsonText,
        fc.array(edit, {minLength: 1, maxLength: 3}),
        fc.integer({min: 0, max: 16}),
        (text, edits, pieceBytes) => {
          const bytes = Buffer.from(edits.reduce(applyEdit, text))
          expect(actual(bytes, pieceBytes)).toEqual(reference(bytes))
        },
      ),
      {numRuns: 3000, seed: 20261201},
    )
  })

  const fixtures: [string, Buffer][] = [
    ['1. an empty array', Buffer.from(' [ ] ')],
    ['2. an empty object', Buffer.from('{\n}')],
    ['3. a trailing comma', Buffer.from('[1,2,]')],
    ['4. a missing comma between containers', Buffer.from('[[1] [2]]')],
    ['5. a closing bracket too many', Buffer.from('[{"a":1}}]')],
    ['6. an unterminated string', Buffer.from('["abc]')],
    ['7. a key that is not a string', Buffer.from('{1:2}')],
    ['8. a member with no colon', Buffer.from('{"a"}')],
    ['9. two colons', Buffer.from('{"a":1:2}')],
    ['10. text after the value', Buffer.from('{"a":1} x')],
    ['11. a byte-order mark', Buffer.from('\ufeff[1]')],
    [
      '12. invalid UTF-8 in a string',
      Buffer.from([0x5b, 0x22, 0xe9, 0x74, 0x22, 0x2c, 0x22, 0xff, 0x22, 0x5d]),
    ],
    [
      '13. a cut-off sequence before a quote',
      Buffer.from([0x7b, 0x22, 0xe2, 0x82, 0x22, 0x3a, 0x31, 0x7d]),
    ],
    ['14. `__proto__` as a key', Buffer.from('{"__proto__":{"polluted":true},"b":[1]}')],
    ['15. duplicate keys, the last kept', Buffer.from('{"a":1,"b":2,"a":3}')],
    ['16. escaped quotes and backslashes', Buffer.from('["a\\"b","c\\\\",{"d\\\\\\"":"\\\\"}]')],
    ['17. nothing', Buffer.from('')],
    ['18. only whitespace', Buffer.from(' \n ')],
  ]

  test.each(fixtures)('parseJsonBytes: %s, as JSON.parse reads it', (_, bytes) => {
    for (const pieceBytes of [0, 1, 4, 1024]) {
      expect(actual(bytes, pieceBytes)).toEqual(reference(bytes))
    }
  })

  test('parseJsonBytes: `__proto__` stays an own key and never becomes the prototype', () => {
    const value = parseJsonBytes(Buffer.from('{"__proto__":{"polluted":true}}'), {pieceBytes: 0})
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(Object.keys(Object(value))).toEqual(['__proto__'])
    expect(Reflect.get({}, 'polluted')).toBeUndefined()
  })

  test('parseJsonBytes: a deeply nested value parses without splitting every level', () => {
    const depth = 50_000
    const bytes = Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`)
    let value: unknown = parseJsonBytes(bytes, {pieceBytes: 0})
    let levels = 0
    while (Array.isArray(value) && value.length > 0) {
      value = value[0]
      levels++
    }
    expect(levels).toBe(depth - 1)
  })

  test('parseJsonBytes: refuses a value deeper than maxDepth, split or not, and parses the rest', () => {
    fc.assert(
      fc.property(
        jsonText,
        fc.integer({min: 0, max: 64}),
        fc.integer({min: 0, max: 4}),
        (text, pieceBytes, maxDepth) => {
          const expected: unknown = JSON.parse(text)
          const parse = () => parseJsonBytes(Buffer.from(text), {pieceBytes, maxDepth})
          if (deepestValue(text) > maxDepth) expect(parse).toThrow(JsonDepthError)
          else expect(parse()).toEqual(expected)
        },
      ),
    )
  })

  test('parseJsonBytes: 20,000 levels of brackets are refused at maxDepth 100', () => {
    const bytes = Buffer.from(`${'['.repeat(20_000)}${']'.repeat(20_000)}`)
    expect(() => parseJsonBytes(bytes, {maxDepth: 100})).toThrow(
      'JSON nested deeper than 100 levels at byte 101',
    )
    expect(() => parseJsonBytes(bytes, {maxDepth: 100, pieceBytes: 1 << 20})).toThrow(
      JsonDepthError,
    )
  })

  test('parseJsonBytes: hears each container parsed from bytes of its own, with exactly those bytes', () => {
    fc.assert(
      fc.property(jsonText, spaced, fc.integer({min: 0, max: 64}), (text, space, pieceBytes) => {
        const bytes = Buffer.from(`${space}${text}${space}`)
        const heard: [unknown, string][] = []
        const value = parseJsonBytes(bytes, {
          pieceBytes,
          onContainer: (container, start, end) =>
            heard.push([container, bytes.toString('utf8', start, end)]),
        })
        for (const [container, json] of heard) {
          expect(json.trim()).toBe(json)
          expect(JSON.parse(json)).toEqual(container)
        }
        // The whole value, when it is an array or object, is always heard: it has every byte.
        const whole = heard.find(([container]) => container === value)
        expect(whole?.[1]).toBe(
          typeof value === 'object' && value !== null ? text.trim() : undefined,
        )
      }),
    )
  })
})

describe('onlyMemberValue', () => {
  test.each([
    {n: 1, input: '{"create":{"_id":"a"}}', output: '{"_id":"a"}'},
    {
      n: 2,
      input: ' { "createOrReplace" :\n {"_id":"a", "b": [1]} \t}\n',
      output: '{"_id":"a", "b": [1]}',
    },
    {n: 3, input: '{"cre\\"ate":{}}', output: '{}'},
    {n: 4, input: '{"k\\u0061":"text"}', output: '"text"'},
    {n: 5, input: '["create",{}]', output: undefined},
    {n: 6, input: '{}', output: undefined},
    {n: 7, input: '"create"', output: undefined},
    {n: 8, input: '{"create":{"_id":"a"},"create":{"_id":"b"}}', output: undefined},
    {n: 9, input: '{"create":"a}","create":"b"}', output: undefined},
    {n: 10, input: '{"create":{"t":"}{,\\"]"} }', output: '{"t":"}{,\\"]"}'},
    {n: 11, input: '{"create":12}', output: undefined},
  ])('onlyMemberValue: $n gives the value of a one-member object', ({input, output}) => {
    const value = onlyMemberValue(Buffer.from(input))
    expect(value && Buffer.from(value).toString('utf8')).toBe(output)
  })
})

describe('isJsonBlank', () => {
  test.each([
    ['', true],
    [' \t\r\n', true],
    [' 1 ', false],
    ['\u00a0', false],
  ])('isJsonBlank: %j is %s', (text, blank) => {
    expect(isJsonBlank(Buffer.from(text))).toBe(blank)
  })
})

describe('Utf8Builder', () => {
  test('Utf8Builder: appended strings become their UTF-8 bytes, whatever the buffer size', () => {
    fc.assert(
      fc.property(fc.array(fc.string({unit: 'binary', maxLength: 40})), (pieces) => {
        const builder = new Utf8Builder(16)
        builder.append('stale')
        builder.reset()
        for (const piece of pieces) builder.append(piece)
        expect(builder.bytes()).toEqual(Buffer.from(pieces.join('')))
      }),
      {seed: 20261201},
    )
  })

  test('Utf8Builder: a buffer grown past what is kept is dropped at the next reset', () => {
    const builder = new Utf8Builder(1024)
    builder.append('x'.repeat(100_000))
    expect(builder.bytes().length).toBe(100_000)
    const grown = builder.bytes().buffer
    builder.reset()
    builder.append('é')
    expect(builder.bytes().buffer).not.toBe(grown)
    expect(builder.bytes().toString()).toBe('é')
  })
})

/**
 * The depth of the deepest value written in JSON text (0 for the whole value), counted in the
 * text: a member a later duplicate key replaces counts too.
 */
function deepestValue(text: string): number {
  let deepest = 0
  let depth = 0
  for (const character of text.replaceAll(/"(?:[^"\\]|\\.)*"/g, '0')) {
    if (character === ']' || character === '}') depth--
    else if (!/\s/.test(character)) deepest = Math.max(deepest, depth)
    if (character === '[' || character === '{') depth++
  }
  return deepest
}
