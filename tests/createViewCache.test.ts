import type {SanityDocument} from '@sanity/client'
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'

import {buildQueryView, type QueryView} from '../lake/query/buildQueryView'
import {createViewCache} from '../lake/query/createViewCache'
import {INDEXED_FIELDS} from '../lake/query/indexedValue'
import {type Perspective, perspectiveDocuments} from '../lake/query/perspectiveDocuments'

const IDS = ['a', 'b', 'c', 'd', 'drafts.a', 'drafts.e', 'versions.spring.b']
const TYPES = ['article', 'person']
const SLUGS = ['one', 'two']

/** A write: documents set or deleted, one transaction. */
const write = fc.array(
  fc.record({
    id: fc.constantFrom(...IDS),
    after: fc.option(
      fc.record({
        type: fc.constantFrom(...TYPES),
        slug: fc.option(fc.oneof(fc.constantFrom(...SLUGS), fc.constant(7)), {nil: undefined}),
      }),
    ),
  }),
  {minLength: 1, maxLength: 4},
)

/**
 * Every lookup a view answers, in a form `toEqual` compares: ids in order, and each count beside
 * its lookup's length (one assertion for them all: a property runs this thousands of times).
 */
function answers(view: QueryView) {
  const values = [...IDS, ...TYPES, ...SLUGS]
  const miscounted: string[] = []
  const lookups = INDEXED_FIELDS.flatMap((field) =>
    values.map((value) => {
      const hits = view.lookup(field, value)
      const count = view.count(field, value)
      if (count !== hits.length) miscounted.push(`${field}=${value}: ${count} of ${hits.length}`)
      return `${field}=${value}: ${hits.map(({_id}) => _id).join(' ')}`
    }),
  )
  expect(miscounted).toEqual([])
  return {
    documents: view.documents().map(({_id}) => _id),
    lookups,
    positions: view
      .documents()
      .map((document) => view.position(document))
      .every((position, index, all) => index === 0 || (all[index - 1] ?? 0) < position),
  }
}

describe('createViewCache', () => {
  test.each([
    ['layered until rebuilt after 3 changes', 3],
    ['always layered', Infinity],
    ['rebuilt after every write', 0],
  ])('createViewCache: views %s answer as views built afresh, and never change', (_, limit) => {
    fc.assert(
      fc.property(fc.array(write, {maxLength: 25}), (writes) => {
        const store = new Map<string, SanityDocument>()
        const cache = createViewCache(() => store.values(), {maxChanged: () => limit})
        const perspectives: Perspective[] = ['raw', 'published', 'drafts']
        const kept: {view: QueryView; expected: ReturnType<typeof answers>}[] = []
        for (const [step, changes] of writes.entries()) {
          const applied = changes.map(({id, after}) => {
            const document = after && {
              _id: id,
              _type: after.type,
              _rev: `r${step}`,
              _createdAt: '',
              _updatedAt: '',
              ...(after.slug === undefined ? {} : {slug: {current: after.slug}}),
            }
            if (document) store.set(id, document)
            else store.delete(id)
            return {id, after: document}
          })
          cache.apply(applied)
          // Views asked for after some writes, not all: layers pile up in between.
          if (step % 2 === 1) continue
          for (const perspective of perspectives) {
            const view = cache.view(perspective)
            const expected = answers(
              buildQueryView(perspectiveDocuments(store.values(), perspective)),
            )
            expect(answers(view)).toEqual(expected)
            kept.push({view, expected})
          }
        }
        for (const {view, expected} of kept) expect(answers(view)).toEqual(expected)
      }),
      {numRuns: 300, seed: 20261201},
    )
  })

  test('createViewCache: a published view is not rebuilt for a draft, nor read again', () => {
    let reads = 0
    const store = new Map<string, SanityDocument>([
      ['a', {_id: 'a', _type: 'article', _rev: '', _createdAt: '', _updatedAt: ''}],
    ])
    const cache = createViewCache(() => {
      reads++
      return store.values()
    })
    const before = cache.view('published')
    const draft = {...before.documents()[0], _id: 'drafts.a', _type: 'article'}
    store.set('drafts.a', {_rev: '', _createdAt: '', _updatedAt: '', ...draft})
    cache.apply([{id: 'drafts.a', after: store.get('drafts.a') ?? null}])
    expect(cache.view('published')).toBe(before)
    store.delete('a')
    cache.apply([{id: 'a', after: null}])
    expect(cache.view('published').lookup('_type', 'article')).toEqual([])
    expect(reads).toBe(1)
    cache.invalidate()
    cache.view('published')
    expect(reads).toBe(2)
  })
})
