import type {SanityDocument} from '@sanity/client'
import {describe, expect, test} from 'vitest'

import {convertSource} from '../importer'
import type {ImportedDocuments} from '../importer/documents/types'
import {articleWrite, draftId} from '../importer/plan/planImport'

/** The floods story, with these front matter lines (`standfirst: …`, `publishedAt: …`). */
function floods(frontMatter: readonly string[]): ImportedDocuments {
  const text = [
    '---',
    'id: floods',
    'title: Floods close the ring road',
    ...frontMatter,
    '---',
    'Water rose overnight.',
    '',
    'AFP',
  ].join('\n')
  return convertSource(new TextEncoder().encode(text), {
    fileName: 'floods.txt',
    importedAt: '2024-08-01T00:00:00.000Z',
    importerVersion: 'test',
  }).documents
}

const STANDFIRST = 'standfirst: The water rose a metre overnight.'
const PUBLISHED_AT = 'publishedAt: 2024-08-16T08:00:00Z'

/** What is stored: the article converted from `before`, as published or as its draft. */
function storedFrom(
  before: readonly string[] | undefined,
  as: 'published' | 'draft',
): Map<string, SanityDocument> {
  if (before === undefined) return new Map()
  const {article} = floods(before)
  const _id = as === 'draft' ? draftId(article._id) : article._id
  const system = {_createdAt: '2024-08-01T00:00:00Z', _updatedAt: '2024-08-01T00:00:00Z'}
  return new Map([[_id, {...article, ...system, _id, _rev: 'rev-1'}]])
}

interface Fixture {
  n: number
  name: string
  input: {
    /** The source's front matter at the last import; undefined when nothing is stored. */
    before: readonly string[] | undefined
    after: readonly string[]
    stored: 'published' | 'draft'
    asDraft: boolean
  }
  /** The write's replacement fields: the revision it must find, and the fields it removes. */
  output: {ifRevisionID?: string; unset?: string[]}
}

const fixtures: Fixture[] = [
  {
    n: 1,
    name: 'a standfirst removed is unset',
    input: {before: [STANDFIRST], after: [], stored: 'published', asDraft: false},
    output: {ifRevisionID: 'rev-1', unset: ['standfirst']},
  },
  {
    n: 2,
    name: 'a publishedAt removed is unset',
    input: {before: [PUBLISHED_AT], after: [], stored: 'published', asDraft: false},
    output: {ifRevisionID: 'rev-1', unset: ['publishedAt']},
  },
  {
    n: 3,
    name: 'both removed: both unset, in order',
    input: {before: [STANDFIRST, PUBLISHED_AT], after: [], stored: 'published', asDraft: false},
    output: {ifRevisionID: 'rev-1', unset: ['standfirst', 'publishedAt']},
  },
  {
    n: 4,
    name: 'one of two removed: only it is unset',
    input: {
      before: [STANDFIRST, PUBLISHED_AT],
      after: [PUBLISHED_AT],
      stored: 'published',
      asDraft: false,
    },
    output: {ifRevisionID: 'rev-1', unset: ['standfirst']},
  },
  {
    n: 5,
    name: 'nothing removed: nothing unset',
    input: {
      before: [STANDFIRST, PUBLISHED_AT],
      after: [STANDFIRST, PUBLISHED_AT],
      stored: 'published',
      asDraft: false,
    },
    output: {ifRevisionID: 'rev-1', unset: []},
  },
  {
    n: 6,
    name: 'a field added: nothing unset',
    input: {before: [], after: [STANDFIRST], stored: 'published', asDraft: false},
    output: {ifRevisionID: 'rev-1', unset: []},
  },
  {
    n: 7,
    name: 'nothing stored: a create',
    input: {before: undefined, after: [], stored: 'published', asDraft: false},
    output: {},
  },
  {
    n: 8,
    name: 'a draft replaced: its lost field unset',
    input: {before: [STANDFIRST], after: [], stored: 'draft', asDraft: true},
    output: {ifRevisionID: 'rev-1', unset: ['standfirst']},
  },
  {
    n: 9,
    name: 'a first draft: a create',
    input: {before: [STANDFIRST], after: [], stored: 'published', asDraft: true},
    output: {},
  },
]

describe('articleWrite', () => {
  test.each(fixtures)('articleWrite: $n $name', ({input, output}) => {
    const stored = storedFrom(input.before, input.stored)
    const {
      article: _article,
      createIfMissing: _needed,
      ...replacement
    } = articleWrite(floods(input.after), stored, input.asDraft)
    expect(replacement).toStrictEqual(output)
  })
})
