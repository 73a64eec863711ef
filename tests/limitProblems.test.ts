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

  test('limitProblems: a link that is not http, https or mailto', () => {
    const document = {
      _id: 'article-js',
      markDefs: [{_type: 'link', _key: 'l', href: 'javascript:alert(1)'}],
    }
    expect(limitProblems(document)).toEqual([
      'article-js links to "javascript:alert(1)"; only http, https and mailto are allowed',
    ])
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
