import type {SanityDocument} from '@sanity/client'
import {describe, expect, test} from 'vitest'

import {LakeError} from '../lake/shared/LakeError'
import {applyMutations, type TransactionStamp} from '../lake/store/applyMutations'
import {
  type DocumentChange,
  isLakeMutation,
  type LakeMutation,
  type MutationResult,
} from '../lake/store/mutations'

/** The document the dataset holds before each transaction. */
const stored: SanityDocument = {
  _id: 'article-1',
  _type: 'article',
  _rev: 'rev-0',
  _createdAt: '2024-01-01T00:00:00Z',
  _updatedAt: '2024-01-02T00:00:00Z',
  title: 'Floods in the north',
  words: 300,
  tags: ['weather'],
}

const stamp: TransactionStamp = {
  transactionId: 'tx-1',
  timestamp: '2024-08-17T12:00:00Z',
  newId: () => 'generated-1',
}

/** `stored` as the transaction leaves it, with these fields changed. */
function written(fields: Record<string, unknown>): SanityDocument {
  return {...stored, _rev: 'tx-1', _updatedAt: '2024-08-17T12:00:00Z', ...fields}
}

/** A document the transaction creates. */
function created(id: string, fields: Record<string, unknown> = {}): SanityDocument {
  return {
    _id: id,
    _type: 'article',
    _createdAt: '2024-08-17T12:00:00Z',
    _updatedAt: '2024-08-17T12:00:00Z',
    _rev: 'tx-1',
    ...fields,
  }
}

function run(mutations: LakeMutation[]): {results: MutationResult[]; changes: DocumentChange[]} {
  const dataset = new Map([[stored._id, stored]])
  const {results, changes} = applyMutations(mutations, (id) => dataset.get(id), stamp)
  return {results, changes}
}

/** What a failing transaction throws: the status, type and message the API answers with. */
function failureOf(mutations: LakeMutation[]): {status: number; type: string; message: string} {
  try {
    run(mutations)
  } catch (error) {
    if (error instanceof LakeError) {
      return {status: error.statusCode, type: error.type, message: error.message}
    }
    throw error
  }
  throw new Error('applyMutations: the transaction did not fail')
}

describe('applyMutations', () => {
  test.each<{
    n: number
    mutations: LakeMutation[]
    results: MutationResult[]
    changes: DocumentChange[]
  }>([
    {
      n: 1,
      mutations: [{create: {_id: 'article-2', _type: 'article', title: 'New'}}],
      results: [{id: 'article-2', operation: 'create'}],
      changes: [{id: 'article-2', before: null, after: created('article-2', {title: 'New'})}],
    },
    {
      n: 2,
      mutations: [{create: {_type: 'article'}}],
      results: [{id: 'generated-1', operation: 'create'}],
      changes: [{id: 'generated-1', before: null, after: created('generated-1')}],
    },
    {
      n: 3,
      mutations: [{createOrReplace: {_id: 'article-1', _type: 'article', title: 'Replaced'}}],
      results: [{id: 'article-1', operation: 'update'}],
      changes: [
        {
          id: 'article-1',
          before: stored,
          after: {
            _id: 'article-1',
            _type: 'article',
            title: 'Replaced',
            _createdAt: '2024-01-01T00:00:00Z',
            _updatedAt: '2024-08-17T12:00:00Z',
            _rev: 'tx-1',
          },
        },
      ],
    },
    {
      n: 4,
      mutations: [{createOrReplace: {_id: 'article-2', _type: 'article'}}],
      results: [{id: 'article-2', operation: 'create'}],
      changes: [{id: 'article-2', before: null, after: created('article-2')}],
    },
    {
      n: 5,
      mutations: [{createIfNotExists: {_id: 'article-1', _type: 'article', title: 'Ignored'}}],
      results: [{id: 'article-1', operation: 'none'}],
      changes: [],
    },
    {
      n: 6,
      mutations: [{createIfNotExists: {_id: 'article-2', _type: 'article'}}],
      results: [{id: 'article-2', operation: 'create'}],
      changes: [{id: 'article-2', before: null, after: created('article-2')}],
    },
    {
      n: 7,
      mutations: [{delete: {id: 'article-1'}}],
      results: [{id: 'article-1', operation: 'delete'}],
      changes: [{id: 'article-1', before: stored, after: null}],
    },
    {
      n: 8,
      mutations: [{delete: {id: 'article-9'}}],
      results: [{id: 'article-9', operation: 'none'}],
      changes: [],
    },
    {
      n: 9,
      mutations: [{patch: {id: 'article-1', set: {title: 'Set'}}}],
      results: [{id: 'article-1', operation: 'update'}],
      changes: [{id: 'article-1', before: stored, after: written({title: 'Set'})}],
    },
    {
      n: 10,
      mutations: [{patch: {id: 'article-1', unset: ['tags']}}],
      results: [{id: 'article-1', operation: 'update'}],
      changes: [
        {
          id: 'article-1',
          before: stored,
          after: {
            _id: 'article-1',
            _type: 'article',
            _rev: 'tx-1',
            _createdAt: '2024-01-01T00:00:00Z',
            _updatedAt: '2024-08-17T12:00:00Z',
            title: 'Floods in the north',
            words: 300,
          },
        },
      ],
    },
    {
      n: 11,
      mutations: [{patch: {id: 'article-1', setIfMissing: {title: 'Kept', lead: 'Added'}}}],
      results: [{id: 'article-1', operation: 'update'}],
      changes: [{id: 'article-1', before: stored, after: written({lead: 'Added'})}],
    },
    {
      n: 12,
      mutations: [{patch: {id: 'article-1', inc: {words: 20}}}],
      results: [{id: 'article-1', operation: 'update'}],
      changes: [{id: 'article-1', before: stored, after: written({words: 320})}],
    },
    {
      n: 13,
      mutations: [{patch: {id: 'article-1', dec: {words: 20}}}],
      results: [{id: 'article-1', operation: 'update'}],
      changes: [{id: 'article-1', before: stored, after: written({words: 280})}],
    },
    {
      n: 14,
      mutations: [{patch: {id: 'article-1', insert: {after: 'tags[-1]', items: ['floods']}}}],
      results: [{id: 'article-1', operation: 'update'}],
      changes: [{id: 'article-1', before: stored, after: written({tags: ['weather', 'floods']})}],
    },
    {
      n: 15,
      mutations: [{patch: {id: 'article-1', insert: {before: 'tags[0]', items: ['news']}}}],
      results: [{id: 'article-1', operation: 'update'}],
      changes: [{id: 'article-1', before: stored, after: written({tags: ['news', 'weather']})}],
    },
    {
      n: 16,
      mutations: [
        {patch: {id: 'article-1', diffMatchPatch: {title: '@@ -1,6 +1,6 @@\n-Floods\n+Storms\n'}}},
      ],
      results: [{id: 'article-1', operation: 'update'}],
      changes: [{id: 'article-1', before: stored, after: written({title: 'Storms in the north'})}],
    },
    {
      n: 17,
      mutations: [{patch: {id: 'article-1', ifRevisionID: 'rev-0', set: {words: 1}}}],
      results: [{id: 'article-1', operation: 'update'}],
      changes: [{id: 'article-1', before: stored, after: written({words: 1})}],
    },
    {
      // Later mutations see the earlier ones; the change keeps the state before the first.
      n: 18,
      mutations: [
        {create: {_id: 'article-2', _type: 'article', title: 'A'}},
        {patch: {id: 'article-2', set: {title: 'B'}}},
        {createIfNotExists: {_id: 'article-2', _type: 'article'}},
        {patch: {id: 'article-1', set: {title: 'C'}}},
        {patch: {id: 'article-1', ifRevisionID: 'tx-1', inc: {words: 1}}},
      ],
      results: [
        {id: 'article-2', operation: 'create'},
        {id: 'article-2', operation: 'update'},
        {id: 'article-2', operation: 'none'},
        {id: 'article-1', operation: 'update'},
        {id: 'article-1', operation: 'update'},
      ],
      changes: [
        {id: 'article-2', before: null, after: created('article-2', {title: 'B'})},
        {id: 'article-1', before: stored, after: written({title: 'C', words: 301})},
      ],
    },
    {
      // A document deleted earlier in the transaction is gone for the later mutations.
      n: 19,
      mutations: [
        {delete: {id: 'article-1'}},
        {delete: {id: 'article-1'}},
        {create: {_id: 'article-1', _type: 'article'}},
      ],
      results: [
        {id: 'article-1', operation: 'delete'},
        {id: 'article-1', operation: 'none'},
        {id: 'article-1', operation: 'create'},
      ],
      changes: [{id: 'article-1', before: stored, after: created('article-1')}],
    },
    {
      n: 20,
      mutations: [
        {create: {_id: 'drafts.article-2', _type: 'article'}},
        {create: {_id: `_${'a'.repeat(127)}`, _type: 'article'}},
      ],
      results: [
        {id: 'drafts.article-2', operation: 'create'},
        {id: `_${'a'.repeat(127)}`, operation: 'create'},
      ],
      changes: [
        {id: 'drafts.article-2', before: null, after: created('drafts.article-2')},
        {id: `_${'a'.repeat(127)}`, before: null, after: created(`_${'a'.repeat(127)}`)},
      ],
    },
  ])('applyMutations: case $n gives its results and changes', ({mutations, results, changes}) => {
    expect(run(mutations)).toEqual({results, changes})
  })

  test.each<{n: number; mutations: LakeMutation[]; status: number; type: string; message: string}>([
    {
      n: 1,
      mutations: [{create: {_id: 'article-1', _type: 'article'}}],
      status: 409,
      type: 'mutationError',
      message: 'Document by ID "article-1" already exists',
    },
    {
      n: 2,
      mutations: [{patch: {id: 'article-9', set: {title: 'x'}}}],
      status: 404,
      type: 'documentNotFoundError',
      message: 'Document "article-9" not found',
    },
    {
      n: 3,
      mutations: [{patch: {id: 'article-1', ifRevisionID: 'rev-7', set: {title: 'x'}}}],
      status: 409,
      type: 'mutationError',
      message: 'Document "article-1" has unexpected revision ID ("rev-0"), expected "rev-7"',
    },
    {
      n: 4,
      mutations: [{patch: {id: 'article-1', unset: ['_id']}}],
      status: 400,
      type: 'mutationError',
      message: 'A write must leave a document with an _id',
    },
    {
      n: 5,
      mutations: [{patch: {id: 'article-1', set: {_id: 'article-2'}}}],
      status: 400,
      type: 'mutationError',
      message: 'The _id of "article-1" cannot be changed',
    },
    {
      n: 6,
      mutations: [{patch: {id: 'article-1', unset: ['_type']}}],
      status: 400,
      type: 'mutationError',
      message: 'Document "article-1" must keep a string _type',
    },
    {
      n: 7,
      mutations: [{patch: {id: 'article-1', set: {_type: ''}}}],
      status: 400,
      type: 'mutationError',
      message: 'Document "article-1" must keep a string _type',
    },
    {
      n: 8,
      mutations: [{patch: {id: 'article-1', set: {_type: 5}}}],
      status: 400,
      type: 'mutationError',
      message: 'Document "article-1" must keep a string _type',
    },
    {
      n: 9,
      mutations: [{create: {_id: 'article-2', _type: ''}}],
      status: 400,
      type: 'mutationError',
      message: 'Document "article-2" must keep a string _type',
    },
    {
      n: 10,
      mutations: [{patch: {id: 'article-1', set: {_type: 'page'}}}],
      status: 400,
      type: 'mutationError',
      message: 'The _type of "article-1" cannot change from "article" to "page"',
    },
    {
      n: 11,
      mutations: [{createOrReplace: {_id: 'article-1', _type: 'page'}}],
      status: 400,
      type: 'mutationError',
      message: 'The _type of "article-1" cannot change from "article" to "page"',
    },
    {
      // The first failure throws, whatever came before it in the transaction.
      n: 12,
      mutations: [{delete: {id: 'article-1'}}, {patch: {id: 'article-1', set: {title: 'x'}}}],
      status: 404,
      type: 'documentNotFoundError',
      message: 'Document "article-1" not found',
    },
  ])(
    'applyMutations: failing case $n throws $status with its message',
    ({mutations, status, type, message}) => {
      expect(failureOf(mutations)).toEqual({status, type, message})
    },
  )

  test.each([
    {n: 1, id: ''},
    {n: 2, id: '-article'},
    {n: 3, id: '.article'},
    {n: 4, id: 'drafts..article'},
    {n: 5, id: 'an article'},
    {n: 6, id: 'article/1'},
    {n: 7, id: `a${'b'.repeat(128)}`},
  ])('applyMutations: refuses the document ID of case $n', ({id}) => {
    for (const mutation of [
      {create: {_id: id, _type: 'article'}},
      {createOrReplace: {_id: id, _type: 'article'}},
      {createIfNotExists: {_id: id, _type: 'article'}},
    ]) {
      expect(failureOf([mutation])).toEqual({
        status: 400,
        type: 'mutationError',
        message: `"${id}" is not a valid document ID`,
      })
    }
  })

  test('applyMutations: names the body a create wrote last, and forgets it once a patch follows', () => {
    const fresh = {_id: 'article-2', _type: 'article', title: 'New'}
    const replacement = {_id: 'article-1', _type: 'article', title: 'Replaced'}
    const dataset = new Map([[stored._id, stored]])
    const {createdFrom} = applyMutations(
      [
        {create: fresh},
        {createOrReplace: replacement},
        {patch: {id: 'article-2', set: {title: 'Patched'}}},
        {createIfNotExists: {_id: 'article-1', _type: 'article'}},
      ],
      (id) => dataset.get(id),
      stamp,
    )
    expect([...createdFrom]).toEqual([['article-1', replacement]])
    expect(createdFrom.get('article-1')).toBe(replacement)
  })
})

describe('isLakeMutation', () => {
  test.each<{n: number; input: unknown; output: boolean}>([
    {n: 1, input: {create: {_type: 'article'}}, output: true},
    {n: 2, input: {create: {_id: 'a', _type: 'article'}}, output: true},
    {n: 3, input: {createOrReplace: {_id: 'a', _type: 'article'}}, output: true},
    {n: 4, input: {createIfNotExists: {_id: 'a', _type: 'article'}}, output: true},
    {n: 5, input: {delete: {id: 'a'}}, output: true},
    {n: 6, input: {patch: {id: 'a', set: {title: 'x'}}}, output: true},
    {n: 7, input: null, output: false},
    {n: 8, input: 'create', output: false},
    {n: 9, input: [{delete: {id: 'a'}}], output: false},
    {n: 10, input: {}, output: false},
    {n: 11, input: {delete: {id: 'a'}, patch: {id: 'a'}}, output: false},
    {n: 12, input: {delete: 'a'}, output: false},
    {n: 13, input: {create: null}, output: false},
    {n: 14, input: {create: {_id: 'a'}}, output: false},
    {n: 15, input: {create: {_id: 'a', _type: 5}}, output: false},
    {n: 16, input: {create: {_type: 5}}, output: false},
    {n: 17, input: {createOrReplace: {_id: 5, _type: 'article'}}, output: false},
    {n: 18, input: {delete: {}}, output: false},
    {n: 19, input: {patch: {id: 5}}, output: false},
    {n: 20, input: {publish: {id: 'a'}}, output: false},
    {n: 21, input: {'': {id: 'a'}}, output: false},
  ])('isLakeMutation: case $n is $output', ({input, output}) => {
    expect(isLakeMutation(input)).toBe(output)
  })
})
