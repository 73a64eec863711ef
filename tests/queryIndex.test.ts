import {readFileSync} from 'node:fs'

import type {SanityDocument} from '@sanity/client'
import {evaluate, parse} from 'groq-js'
import {describe, expect, test} from 'vitest'

import {createLake} from '../lake'
import {buildQueryView} from '../lake/query/buildQueryView'
import {evaluateIndexed} from '../lake/query/evaluateIndexed'
import {type Narrowing, narrowQuery} from '../lake/query/narrowQuery'
import {type Perspective, perspectiveDocuments} from '../lake/query/perspectiveDocuments'
import type {LakeStore} from '../lake/store/openLakeStore'
import {
  articleBySlug,
  articleOutline,
  articlesByAuthor,
  latestArticles,
  pageParams,
  searchArticles,
} from '../queries'
import {articleSlugs} from '../queries/queries'
import {importSources} from './support/importSources'

const SEED_SLUG =
  'ukraine-claimed-on-friday-to-be-continuing-its-unprecedented-advance-into-russia-s-kursk-region'
const text = (lines: string[]) => new TextEncoder().encode(lines.join('\n'))
const system = {_createdAt: '2024-08-02T00:00:00Z', _updatedAt: '2024-08-02T00:00:00Z', _rev: 'r'}
const reference = (id: string) => ({_type: 'reference', _key: id, _ref: id})

/** The seed and three dated briefs, imported, plus hand-written documents for the edge cases. */
const dataset: SanityDocument[] = [
  ...importSources([
    {fileName: 'kursk-advance.txt', bytes: readFileSync('seeds/kursk-advance.txt')},
    ...[1, 2, 3].map((day) => ({
      fileName: `brief-${day}.txt`,
      bytes: text([
        '---',
        `title: Morning brief ${day}`,
        `publishedAt: 2024-08-0${day}T06:00:00Z`,
        '---',
        `Markets opened calmly on day ${day}.`,
        '',
        day % 2 === 0 ? 'By Anna Smith' : 'By Ben Jones, with Reuters',
      ]),
    })),
  ]),
  // A person sharing an article's slug.
  {
    ...system,
    _id: 'person-brief',
    _type: 'person',
    name: 'Brief',
    slug: {current: 'morning-brief-1'},
  },
  // Drafts: one revising a published article, one never published, one revising an author.
  ...['drafts.article-brief-1', 'versions.spring.article-brief-1'].map((_id) => ({
    ...system,
    _id,
    _type: 'article',
    title: `Morning brief 1 (${_id.split('.')[0] ?? ''})`,
    slug: {_type: 'slug', current: 'morning-brief-1'},
    byline: {authors: [reference('person-anna-smith')]},
  })),
  {...system, _id: 'drafts.article-new', _type: 'article', slug: {current: 'brand-new'}},
  {...system, _id: 'drafts.person-anna-smith', _type: 'person', name: 'Anna Smith-Jones'},
  // References to documents that do not exist.
  {
    ...system,
    _id: 'article-missing-refs',
    _type: 'article',
    title: 'Dangling',
    slug: {current: 'dangling'},
    byline: {authors: [reference('person-nobody'), reference('person-ben-jones')]},
    sections: [
      {
        _key: 's',
        content: [{_key: 'n', _type: 'newsletterBlock', newsletter: reference('newsletter-gone')}],
      },
    ],
  },
  // Values the indexes must not mistake for `slug.current`.
  {
    ...system,
    '_id': 'article-odd',
    '_type': 'article',
    'slug': {current: 42},
    'slug.current': 'dotted',
  },
]

/**
 * Runs a query both ways, asserts the results are the same, and returns the narrowing. The
 * plain way is the lake's former one: groq-js scanning the perspective's documents.
 */
async function compare(
  query: string,
  params: Record<string, unknown>,
  perspective: Perspective = 'published',
): Promise<{result: unknown; narrowing: Narrowing | undefined}> {
  const documents = perspectiveDocuments(dataset, perspective)
  const plain: unknown = await (
    await evaluate(parse(query, {params}), {dataset: documents, params})
  ).get()
  const view = buildQueryView(documents)
  const indexed = await evaluateIndexed(parse(query, {params}), params, view)
  expect(indexed.result).toStrictEqual(plain)
  return {result: plain, narrowing: indexed.narrowing}
}

const articleCount = perspectiveDocuments(dataset, 'published').filter(
  (document) => document._type === 'article',
).length

describe('queries through the indexes give the full scan’s results', () => {
  test('narrowQuery: uses the slug index for articleBySlug', async () => {
    const {result, narrowing} = await compare(articleBySlug, {slug: SEED_SLUG})
    expect(narrowing).toEqual({index: 'slug.current', candidates: 1})
    expect(result).toMatchObject({
      slug: SEED_SLUG,
      byline: {authors: [{name: 'Florent Vergnes'}]},
    })
  })

  test('narrowQuery: uses the slug index for articleOutline', async () => {
    const {result, narrowing} = await compare(articleOutline, {slug: SEED_SLUG})
    expect(narrowing).toEqual({index: 'slug.current', candidates: 1})
    expect(result).toMatchObject({sections: [{anchor: 'refugee-flows'}, {}]})
  })

  test.each([
    ['latestArticles', latestArticles, pageParams(1, 3)],
    ['articlesByAuthor', articlesByAuthor, {authorSlug: 'ben-jones'}],
    ['searchArticles', searchArticles, {term: 'calmly'}],
    ['articleSlugs', articleSlugs, {}],
  ])('narrowQuery: uses the type index for %s', async (_, query, params) => {
    const {result, narrowing} = await compare(query, params)
    expect(narrowing).toEqual({index: '_type', candidates: articleCount})
    expect(result).not.toEqual([])
  })

  test('narrowQuery: a nested * in a projection gives the full scan’s result', async () => {
    const {result} = await compare(articlesByAuthor, {authorSlug: 'ben-jones'})
    expect(result).toMatchObject([
      {slug: 'morning-brief-3', author: {name: 'Ben Jones'}},
      {slug: 'dangling', author: {name: 'Ben Jones'}},
      {slug: 'morning-brief-1', author: {name: 'Ben Jones'}},
    ])
    const view = buildQueryView(perspectiveDocuments(dataset, 'published'))
    const params = {authorSlug: 'ben-jones'}
    const {tree} = narrowQuery(parse(articlesByAuthor, {params}), view, params)
    // Both the articles and each row's author lookup read the slug index, not every document.
    expect(JSON.stringify(tree)).not.toContain('{"type":"Everything"}')
    const {result: others, narrowing} = await compare(
      '*[_id == $id][0]{"others": *[_type == "article"]._id}',
      {id: 'article-brief-2'},
    )
    expect(narrowing).toEqual({index: '_id', candidates: 1})
    expect(others).toMatchObject({others: {length: articleCount}})
  })

  test.each<[string, string, Record<string, unknown>, Narrowing]>([
    ['*[_id == $id]', '*[_id == $id]', {id: 'person-ben-jones'}, {index: '_id', candidates: 1}],
    ['_type only', '*[_type == "article"]._id', {}, {index: '_type', candidates: articleCount}],
    [
      'a slug shared across types',
      '*[slug.current == $s && _type == "person"]',
      {s: 'morning-brief-1'},
      {index: 'slug.current', candidates: 1},
    ],
    [
      'the parameter first',
      '*[$slug == @.slug.current][0]._id',
      {slug: 'morning-brief-2'},
      {index: 'slug.current', candidates: 1},
    ],
    [
      'a slug matching nothing',
      '*[_type == "article" && slug.current == $slug][0]',
      {slug: 'no-such-article'},
      {index: 'slug.current', candidates: 0},
    ],
    [
      'equalities in parentheses, beside other conditions',
      '*[(defined(title) && (_type == "article")) && slug.current == "dangling"]{title}',
      {},
      {index: 'slug.current', candidates: 1},
    ],
    [
      'contradictory types',
      '*[_type == "article" && _type == "person"]',
      {},
      {index: '_type', candidates: 0},
    ],
    [
      'Sanity’s slug uniqueness check, inside ! and defined()',
      '!defined(*[_type == $docType && !sanity::versionOf($published) && slug.current == $slug][0]._id)',
      {docType: 'article', published: 'article-other', slug: 'morning-brief-1'},
      {index: 'slug.current', candidates: 1},
    ],
    [
      'a function’s argument',
      'count(*[_type == "article"])',
      {},
      {index: '_type', candidates: articleCount},
    ],
    [
      'the Studio’s batched previews, each an array element',
      '[*[_id in ["person-ben-jones", "drafts.person-ben-jones"]][0...2]{_id, name}][0...1]',
      {},
      {index: '_id', candidates: 1},
    ],
    [
      'a filter over a filter',
      '*[_type == "article"][slug.current == $s] | order(_id) [0].title',
      {s: 'morning-brief-3'},
      {index: '_type', candidates: articleCount},
    ],
    [
      'in a list, hits from several index entries in dataset order',
      '*[_type in ["person", "article"]]._id',
      {},
      {
        index: '_type',
        candidates: perspectiveDocuments(dataset, 'published').filter(({_type}) =>
          ['person', 'article'].includes(_type),
        ).length,
      },
    ],
    [
      'in a list parameter, as the importer looks up slugs',
      '*[_type == "article" && slug.current in $slugs]{_id, "slug": slug.current}',
      {slugs: ['morning-brief-3', 'dangling', 'morning-brief-1', 'nobody']},
      {index: 'slug.current', candidates: 3},
    ],
    [
      'in an empty list',
      '*[slug.current in $slugs]',
      {slugs: []},
      {index: 'slug.current', candidates: 0},
    ],
  ])('narrowQuery: %s', async (_, query, params, expected) => {
    expect((await compare(query, params)).narrowing).toEqual(expected)
  })

  test.each<[string, string, Record<string, unknown>]>([
    ['an OR filter', '*[_type == "article" || slug.current == $s]._id', {s: 'ben-jones'}],
    ['in a list holding a non-string', '*[_type in ["article", 5]]._id', {}],
    ['in a path', '*[_id in path("drafts.**")]._id', {}],
    ['match', '*[slug.current match "morning*"]._id', {}],
    ['no equality', '*[defined(slug.current)]._id', {}],
    ['no filter', '*[0...3]._id', {}],
    ['a sub-query comparing with its row', '*[defined(title)]{"same": *[_id == ^._id]._id}', {}],
    ['a non-string type parameter', '*[_type == $t]', {t: 5}],
    ['a number slug', '*[slug.current == 42]._id', {}],
    ['a missing parameter', '*[_id == $id]', {}],
    ['an attribute named with a dot', '*[@["slug.current"] == "dotted"]._id', {}],
    ['the parent scope', '*[_id == ^._id]', {}],
  ])('narrowQuery: scans everything for %s', async (_, query, params) => {
    expect((await compare(query, params)).narrowing).toBeUndefined()
  })

  test('evaluateIndexed: references to missing documents resolve to null', async () => {
    const {result} = await compare(articleBySlug, {slug: 'dangling'})
    expect(result).toMatchObject({
      byline: {authors: [null, {name: 'Ben Jones'}]},
      sections: [{content: [{newsletter: null, ctaLabel: 'Sign up'}]}],
    })
    expect((await compare('*[_id == "person-nobody"][0]->', {})).result).toBeNull()
  })

  test('evaluateIndexed: under drafts, drafts replace what they revise, references included', async () => {
    const {result, narrowing} = await compare(articleBySlug, {slug: 'morning-brief-1'}, 'drafts')
    expect(narrowing).toEqual({index: 'slug.current', candidates: 1})
    expect(result).toMatchObject({
      _id: 'article-brief-1',
      title: 'Morning brief 1 (drafts)',
      byline: {authors: [{name: 'Anna Smith-Jones'}]},
    })
    const byAuthor = await compare(articlesByAuthor, {authorSlug: 'ben-jones'}, 'drafts')
    expect(byAuthor.result).toMatchObject([{slug: 'morning-brief-3'}, {slug: 'dangling'}])
    const draftOnly = await compare('*[_id == $id][0]{_id, _originalId}', {id: 'article-new'}, [
      'drafts',
    ])
    expect(draftOnly.result).toEqual({_id: 'article-new', _originalId: 'drafts.article-new'})
    const release = await compare(articleBySlug, {slug: 'morning-brief-1'}, ['spring', 'drafts'])
    expect(release.result).toMatchObject({title: 'Morning brief 1 (versions)'})
    const raw = await compare('*[_id in path("drafts.**")]._id', {}, 'raw')
    expect(raw.result).toHaveLength(3)
    const rawById = await compare('*[_id == $id][0].title', {id: 'drafts.article-brief-1'}, 'raw')
    expect(rawById).toEqual({
      result: 'Morning brief 1 (drafts)',
      narrowing: {index: '_id', candidates: 1},
    })
  })
})

/** A store in memory that counts how often the lake reads all its documents. */
function memoryStore(documents: SanityDocument[]): LakeStore & {reads: number} {
  const stored = new Map(documents.map((document) => [document._id, document]))
  const store = {
    reads: 0,
    get: (id: string) => stored.get(id),
    documents: () => {
      store.reads++
      return stored.values()
    },
    commit: async (entry: Parameters<LakeStore['commit']>[0]) => {
      for (const {id, after} of entry.documents) {
        if (after) stored.set(id, after)
        else stored.delete(id)
      }
    },
    compact: async () => undefined,
    idle: async () => undefined,
    close: async () => undefined,
  }
  return store
}

describe('the lake’s query views', () => {
  test('createLake: builds a view once per perspective, follows writes, and sees every write', async () => {
    const store = memoryStore(dataset)
    const lake = createLake(store)
    const title = () => lake.query('*[_id == $id][0].title', {id: 'article-brief-2'}, 'published')
    expect(await title()).toBe('Morning brief 2')
    expect(await lake.query(articleBySlug, {slug: SEED_SLUG}, 'published')).not.toBeNull()
    expect(store.reads).toBe(1)
    await lake.query(articleBySlug, {slug: SEED_SLUG}, 'drafts')
    expect(store.reads).toBe(2)

    await lake.mutate([{patch: {id: 'article-brief-2', set: {title: 'Dry'}}}], {dryRun: true})
    expect(await title()).toBe('Morning brief 2')
    expect(store.reads).toBe(2)

    await lake.mutate([{patch: {id: 'article-brief-2', set: {title: 'Evening brief'}}}])
    expect(await title()).toBe('Evening brief')
    expect(await title()).toBe('Evening brief')
    // The published view takes the write in without reading the dataset; drafts is built again.
    expect(store.reads).toBe(2)
    expect(await lake.query('*[_id == $id][0].title', {id: 'article-brief-2'}, 'drafts')).toBe(
      'Evening brief',
    )
    expect(store.reads).toBe(3)

    await lake.mutate([{delete: {id: 'article-brief-2'}}])
    expect(await title()).toBeNull()
    expect(await lake.query(articleBySlug, {slug: 'morning-brief-2'}, 'published')).toBeNull()
  })
})
