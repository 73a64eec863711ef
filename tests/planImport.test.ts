import {readFileSync} from 'node:fs'

import type {SanityDocument} from '@sanity/client'
import {describe, expect, test} from 'vitest'

import {isRecord} from '../dataset/guards'
import {convertSource} from '../importer'
import type {ImportedDocuments} from '../importer/documents/types'
import {
  type ArticleDecision,
  articleWrite,
  decideArticle,
  draftId,
  isArticleWrite,
} from '../importer/plan/planImport'
import {convertText} from './support/convertText'

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
  return convertText('floods.txt', text, '2024-08-01T00:00:00.000Z').documents
}

/** The seed article: credited authors and a newsletter signup. */
function seedDocuments(): ImportedDocuments {
  const fileName = 'seeds/kursk-advance.txt'
  return convertSource(readFileSync(fileName), {
    fileName,
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

/** How the stored article differs from what the import made of it. */
type Stored = 'nothing' | 'as imported' | 'edited' | 'other source' | 'no provenance'

/** The stored version of the floods article, as `state` says, published or as a draft. */
function storedAs(state: Stored, as: 'published' | 'draft'): Map<string, SanityDocument> {
  if (state === 'nothing') return new Map()
  const [[id, imported] = []] = storedFrom([STANDFIRST], as)
  if (id === undefined || imported === undefined) throw new Error('storedAs(): nothing stored')
  const source = isRecord(imported['source']) ? imported['source'] : {}
  const versions: Record<Exclude<Stored, 'nothing'>, SanityDocument> = {
    'as imported': imported,
    'edited': {...imported, title: 'Floods close the ring road, again'},
    'other source': {
      ...imported,
      source: {...source, sourceSha256: 'sha256:other'},
    },
    'no provenance': {...imported, source: undefined},
  }
  return new Map([[id, versions[state]]])
}

const decisions: {
  n: number
  name: string
  input: {stored: Stored; as: 'published' | 'draft'; force: boolean}
  output: ArticleDecision
}[] = [
  {
    n: 1,
    name: 'nothing stored: written',
    input: {stored: 'nothing', as: 'published', force: false},
    output: {action: 'write', notes: [], onDraft: false},
  },
  {
    n: 2,
    name: 'stored as imported: unchanged',
    input: {stored: 'as imported', as: 'published', force: false},
    output: {action: 'unchanged', notes: [], onDraft: false},
  },
  {
    n: 3,
    name: 'its draft as imported: unchanged, still a draft',
    input: {stored: 'as imported', as: 'draft', force: false},
    output: {
      action: 'unchanged',
      notes: ['still a draft: publish it in the Studio'],
      onDraft: true,
    },
  },
  {
    n: 4,
    name: 'edited in the Studio: kept',
    input: {stored: 'edited', as: 'published', force: false},
    output: {
      action: 'kept',
      notes: ['was edited since it was imported; --force replaces it'],
      onDraft: false,
    },
  },
  {
    n: 5,
    name: 'its draft edited: kept',
    input: {stored: 'edited', as: 'draft', force: false},
    output: {
      action: 'kept',
      notes: ['has a draft an editor changed; --force replaces it'],
      onDraft: true,
    },
  },
  {
    n: 6,
    name: 'edited, with --force: written over',
    input: {stored: 'edited', as: 'published', force: true},
    output: {
      action: 'write',
      notes: ['was edited since it was imported; replaced (--force)'],
      onDraft: false,
    },
  },
  {
    n: 7,
    name: 'its draft edited, with --force: written over the draft',
    input: {stored: 'edited', as: 'draft', force: true},
    output: {
      action: 'write',
      notes: ['has a draft an editor changed; replaced (--force)'],
      onDraft: true,
    },
  },
  {
    n: 8,
    name: 'the same content from another source file: written',
    input: {stored: 'other source', as: 'published', force: false},
    output: {action: 'write', notes: [], onDraft: false},
  },
  {
    n: 9,
    name: 'stored without the import’s record: edited, kept',
    input: {stored: 'no provenance', as: 'published', force: false},
    output: {
      action: 'kept',
      notes: ['was edited since it was imported; --force replaces it'],
      onDraft: false,
    },
  },
]

describe('decideArticle', () => {
  test.each(decisions)('decideArticle: $n $name', ({input, output}) => {
    const {article} = floods([STANDFIRST])
    expect(decideArticle(article, storedAs(input.stored, input.as), input.force)).toStrictEqual(
      output,
    )
  })

  test('decideArticle: a source changed since the import is written', () => {
    const {article} = floods([])
    expect(decideArticle(article, storedAs('as imported', 'published'), false)).toStrictEqual({
      action: 'write',
      notes: [],
      onDraft: false,
    })
  })
})

describe('isArticleWrite', () => {
  test.each([
    {n: 1, input: {article: {_id: 'article-a'}, createIfMissing: []}, output: true},
    {n: 2, input: null, output: false},
    {n: 3, input: {article: 'article-a', createIfMissing: []}, output: false},
    {n: 4, input: {article: {_id: 7}, createIfMissing: []}, output: false},
    {n: 5, input: {article: {_id: 'article-a'}}, output: false},
    {n: 6, input: {article: {_id: 'article-a'}, createIfMissing: {}}, output: false},
  ])('isArticleWrite: $n is $output', ({input, output}) => {
    expect(isArticleWrite(input)).toBe(output)
  })
})

test('articleWrite: the people and newsletter it needs are created only where missing', () => {
  const documents = seedDocuments()
  const needed = [...documents.persons, ...(documents.newsletter ? [documents.newsletter] : [])]
  const ids = needed.map(({_id}) => _id)
  expect(ids.length).toBeGreaterThan(1)
  expect(articleWrite(documents, new Map(), false).createIfMissing).toEqual(needed)
  const [first = ''] = ids
  const system = {_rev: 'r', _createdAt: '', _updatedAt: ''}
  const stored = new Map([[first, {_id: first, _type: 'person', ...system}]])
  expect(articleWrite(documents, stored, false).createIfMissing).toEqual(needed.slice(1))
})
