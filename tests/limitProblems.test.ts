import {readFileSync} from 'node:fs'

import {describe, expect, test} from 'vitest'

import {convertSource} from '../importer'
import {limitProblems, MAX_DOCUMENT_BYTES, MAX_REQUEST_BYTES} from '../importer/run/limitProblems'

const seed = convertSource(readFileSync(new URL('../seeds/kursk-advance.txt', import.meta.url)), {
  fileName: 'kursk-advance.txt',
  importedAt: '2024-08-17T00:00:00.000Z',
  importerVersion: 'test',
}).documents.article

describe('limitProblems', () => {
  test('limitProblems: the seed article is within every limit', () => {
    expect(limitProblems(seed)).toEqual([])
  })

  test('limitProblems: more than 1,000 distinct attributes', () => {
    const wide = {
      _id: 'article-wide',
      ...Object.fromEntries(Array.from({length: 1001}, (_, i) => [`field${i}`, i])),
    }
    expect(limitProblems(wide)).toEqual([
      'article-wide has 1002 distinct attributes; the limit is 1000',
    ])
  })

  test('limitProblems: array items share their attribute paths', () => {
    const long = {
      _id: 'article-long',
      items: Array.from({length: 5000}, (_, i) => ({_key: `k${i}`, text: 'x'})),
    }
    expect(limitProblems(long)).toEqual([])
  })

  test('limitProblems: a document too big for one request', () => {
    const big = {_id: 'article-big', text: 'x'.repeat(5 * 1024 * 1024)}
    expect(limitProblems(big)).toEqual(['article-big is 5.0 MB; a request must be under 4 MB'])
  })

  test.each([
    {name: 'numbers', input: {_id: 'article-big', n: Array.from({length: 600_000}, () => 1234567)}},
    {name: 'emoji', input: {_id: 'article-big', text: '📰'.repeat(1024 * 1024)}},
    {
      name: 'short strings under many keys',
      input: {
        _id: 'article-big',
        rows: Array.from({length: 200_000}, (_, i) => ({a: `row ${i}`, b: 'x'})),
      },
    },
  ])('limitProblems: a document over 4 MB of $name is too big for one request', ({input}) => {
    const megabytes = (Buffer.byteLength(JSON.stringify(input)) / 1024 / 1024).toFixed(1)
    expect(limitProblems(input)).toEqual([
      `article-big is ${megabytes} MB; a request must be under 4 MB`,
    ])
  })

  test('limitProblems: a link that is not http, https or mailto', () => {
    const document = {
      _id: 'article-js',
      markDefs: [{_type: 'link', _key: 'l', href: 'javascript:alert(1)'}],
    }
    expect(limitProblems(document)).toEqual([
      'article-js links to "javascript:alert(1)"; only http, https and mailto are allowed',
    ])
  })

  /**
   * A document of `fields` scalar fields besides its `_id`, and `extra`: the fields bring its
   * distinct attribute paths near the limit, so the problem line counts the paths `extra` adds.
   */
  function wide(fields: number, extra: Record<string, unknown>) {
    const filler = Object.fromEntries(Array.from({length: fields}, (_, i) => [`field${i}`, i]))
    return {_id: 'article-wide', ...filler, ...extra}
  }

  test.each([
    {name: '1. 1,000 paths are within the limit', input: wide(999, {}), output: []},
    {
      name: '2. 1,001 paths are over it',
      input: wide(1000, {}),
      output: ['article-wide has 1001 distinct attributes; the limit is 1000'],
    },
    {
      name: '3. nested objects: a.b, a.c.d and e.b',
      input: wide(999, {a: {b: 1, c: {d: 'x'}}, e: {b: 2}}),
      output: ['article-wide has 1003 distinct attributes; the limit is 1000'],
    },
    {
      name: '4. arrays of objects folded: items[]._key, items[].text, items[].note',
      input: wide(999, {
        items: [
          {_key: 'a', text: 'x'},
          {_key: 'b', text: 'y', note: 1},
        ],
      }),
      output: ['article-wide has 1003 distinct attributes; the limit is 1000'],
    },
    {
      name: '5. arrays of scalars: tags[] and codes[]',
      input: wide(999, {tags: ['a', 'b', 'c'], codes: [1, 2]}),
      output: ['article-wide has 1002 distinct attributes; the limit is 1000'],
    },
    {
      name: '6. an array of arrays: grid[][]',
      input: wide(999, {grid: [[1, 2], [3]]}),
      output: ['article-wide has 1001 distinct attributes; the limit is 1000'],
    },
    {
      name: '7. an array item named like a top-level field: items[]._id',
      input: wide(999, {items: [{_id: 'x'}]}),
      output: ['article-wide has 1001 distinct attributes; the limit is 1000'],
    },
    {
      name: '8. nulls are attributes: a and b.c',
      input: wide(999, {a: null, b: {c: null}}),
      output: ['article-wide has 1002 distinct attributes; the limit is 1000'],
    },
    {
      name: '9. an empty object and an empty array add none',
      input: wide(999, {a: {}, b: []}),
      output: [],
    },
    {
      name: '10. a link in an array of blocks: content[]._type and its mark definition’s three',
      input: wide(999, {
        content: [
          {_type: 'block', markDefs: [{_type: 'link', _key: 'l', href: 'https://a.example'}]},
        ],
      }),
      output: ['article-wide has 1004 distinct attributes; the limit is 1000'],
    },
  ])('limitProblems: attribute paths, $name', ({input, output}) => {
    expect(limitProblems(input)).toEqual(output)
  })

  /** A document whose one block has `markDefs`. */
  function withMarks(markDefs: Record<string, unknown>[]) {
    return {_id: 'article-links', content: [{_type: 'block', _key: 'b', markDefs}]}
  }

  test.each([
    {
      name: '1. http, https and mailto links pass',
      input: withMarks([
        {_type: 'link', _key: 'a', href: 'http://a.example'},
        {_type: 'link', _key: 'b', href: 'https://b.example/path'},
        {_type: 'link', _key: 'c', href: 'mailto:desk@example.com'},
      ]),
      output: [],
    },
    {
      name: '2. each other link in a block of an array is named, in order',
      input: withMarks([
        {_type: 'link', _key: 'a', href: 'javascript:alert(1)'},
        {_type: 'link', _key: 'b', href: 'https://b.example'},
        {_type: 'link', _key: 'c', href: 'ftp://c.example/file'},
      ]),
      output: [
        'article-links links to "javascript:alert(1)"; only http, https and mailto are allowed',
        'article-links links to "ftp://c.example/file"; only http, https and mailto are allowed',
      ],
    },
    {
      name: '3. an href on an object that is not a link is not checked',
      input: withMarks([{_type: 'image', _key: 'a', href: 'javascript:alert(1)'}]),
      output: [],
    },
    {
      name: '4. an href on an object without a type is not checked',
      input: withMarks([{_key: 'a', href: 'javascript:alert(1)'}]),
      output: [],
    },
    {
      name: '5. a link without an href, or with one that is not text, is not checked',
      input: withMarks([
        {_type: 'link', _key: 'a'},
        {_type: 'link', _key: 'b', href: 42},
      ]),
      output: [],
    },
  ])('limitProblems: links, $name', ({input, output}) => {
    expect(limitProblems(input)).toEqual(output)
  })

  /** A document of exactly `bytes` bytes of JSON. */
  function documentOfBytes(bytes: number) {
    const empty = Buffer.byteLength(JSON.stringify({_id: 'article-big', text: ''}))
    const document = {_id: 'article-big', text: 'x'.repeat(bytes - empty)}
    expect(Buffer.byteLength(JSON.stringify(document))).toBe(bytes)
    return document
  }

  test.each([
    {name: '1. one byte under 4 MiB', input: MAX_REQUEST_BYTES - 1, output: []},
    {
      name: '2. exactly 4 MiB',
      input: MAX_REQUEST_BYTES,
      output: ['article-big is 4.0 MB; a request must be under 4 MB'],
    },
    {
      name: '3. one byte under 32 MiB',
      input: MAX_DOCUMENT_BYTES - 1,
      output: ['article-big is 32.0 MB; a request must be under 4 MB'],
    },
    {
      name: '4. exactly 32 MiB',
      input: MAX_DOCUMENT_BYTES,
      output: ['article-big is 32.0 MB; documents must be under 32 MB'],
    },
  ])('limitProblems: a document of $name', ({input, output}) => {
    expect(limitProblems(documentOfBytes(input))).toEqual(output)
  })
})
