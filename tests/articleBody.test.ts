import {readFileSync} from 'node:fs'

import {describe, expect, test} from 'vitest'

import {convertSource} from '../importer'
import {
  ARTICLE_BODY,
  type ArticleBody,
  articleJsonBytes,
  hasField,
  isSplitArticle,
  joinArticle,
  type SplitArticle,
  splitArticle,
} from '../importer/documents/articleBody'
import type {ArticleInput, SectionInput} from '../importer/documents/types'
import {bodyLimits, limitProblems} from '../importer/run/limitProblems'
import {articleMutations, articleMutationsJson} from '../importer/write/articleTransaction'

const seed = convertSource(readFileSync(new URL('../seeds/kursk-advance.txt', import.meta.url)), {
  fileName: 'kursk-advance.txt',
  importedAt: '2024-08-17T00:00:00.000Z',
  importerVersion: 'test',
}).documents.article

/** The article split as the conversion worker splits it, its body attached as the run does. */
function split(article: ArticleInput): SplitArticle {
  const {head, body} = splitArticle(article, bodyLimits)
  return {...head, [ARTICLE_BODY]: body}
}

const UTF8 = new TextDecoder()

describe('articleBody', () => {
  test('splitArticle: the head has no sections and no source text; the body holds both', () => {
    const article = split(seed)
    expect(article).not.toHaveProperty('sections')
    expect(article.source).toEqual({...seed.source, text: undefined})
    expect(article.source).not.toHaveProperty('text')
    const body: ArticleBody = article[ARTICLE_BODY]
    expect(JSON.parse(`{${UTF8.decode(body.json)}}`)).toEqual({
      sections: seed.sections,
      source: seed.source,
    })
    expect(body.headings).toEqual(seed.sections.map((section) => section.heading ?? null))
  })

  test('splitArticle: the body is byte for byte the members as JSON, in any script and at any size', () => {
    const section = (text: string): SectionInput => ({
      _type: 'section',
      _key: 'x',
      content: [
        {
          _type: 'block',
          _key: 'k',
          children: [{_type: 'span', _key: 's', text, marks: []}],
          markDefs: [],
          style: 'normal',
        },
      ],
    })
    const articles: ArticleInput[] = [
      seed,
      {...seed, sections: [section('Київ “fair” 🙂 \u2028 "quoted" \\ end')]},
      // Past a megabyte of UTF-8: encoded on its own rather than through the kept buffer.
      {...seed, sections: [section('é'.repeat(600_000))]},
      {...seed, source: undefined},
    ]
    for (const article of articles) {
      const {sections, source} = article
      const expected = new TextEncoder().encode(JSON.stringify({sections, source}).slice(1, -1))
      const {json} = splitArticle(article, bodyLimits).body
      // Compared as text, which is quick for a megabyte, and by length, which text could hide.
      expect(json.byteLength).toBe(expected.byteLength)
      expect(UTF8.decode(json)).toBe(UTF8.decode(expected))
    }
  })

  test('joinArticle: gives back the article split, fields in the same order', () => {
    const joined = joinArticle(split(seed))
    expect(joined).toEqual(seed)
    expect(Object.keys(joined)).toEqual(Object.keys(seed))
    expect(joinArticle(seed)).toBe(seed)
  })

  test('joinArticle: a copy made with spread keeps the body', () => {
    const draft = {...split(seed), _id: `drafts.${seed._id}`, importNotes: ['check the headline']}
    expect(isSplitArticle(draft)).toBe(true)
    expect(joinArticle(draft)).toEqual({
      ...seed,
      _id: `drafts.${seed._id}`,
      importNotes: ['check the headline'],
    })
  })

  test('articleJsonBytes: a split article serialises as the whole article does', () => {
    const withNotes = {...seed, importNotes: ['check the headline']}
    const splitWithNotes = {...split(seed), importNotes: ['check the headline']}
    expect(UTF8.decode(articleJsonBytes(splitWithNotes))).toBe(JSON.stringify(withNotes))
    const {_id, _type, ...fields} = withNotes
    const {_id: _splitId, _type: _splitType, ...splitFields} = splitWithNotes
    expect(UTF8.decode(articleJsonBytes(splitFields))).toBe(JSON.stringify(fields))
  })

  test('hasField: counts a split article body members as its fields', () => {
    const article = split(seed)
    expect(['sections', 'source', 'title'].map((field) => hasField(article, field))).toEqual([
      true,
      true,
      true,
    ])
    expect(hasField(article, 'standfirst')).toBe('standfirst' in seed)
  })

  test.each([
    {name: 'create', write: {createIfMissing: [], ifRevisionID: undefined}},
    {name: 'patch', write: {createIfMissing: [], ifRevisionID: 'rev-1', unset: ['standfirst']}},
    {
      name: 'patch unsetting a field named like the splice mark',
      write: {createIfMissing: [], ifRevisionID: 'rev-1', unset: ['\u0000article']},
    },
  ])('articleMutationsJson: a split article $name sends the mutations of the whole', ({write}) => {
    const {ifRevisionID, ...rest} = write
    const revision = ifRevisionID ? {ifRevisionID} : {}
    const whole = articleMutations({...rest, ...revision, article: seed})
    const sent = articleMutationsJson({...rest, ...revision, article: split(seed)})
    expect(JSON.parse(UTF8.decode(sent))).toEqual(whole)
    expect(UTF8.decode(sent)).toBe(JSON.stringify(whole))
  })

  test('limitProblems: a split article has the problems of the whole', () => {
    const link = {_key: 'l', _type: 'link' as const, href: 'javascript:alert(1)'}
    const [lead, ...rest] = seed.sections
    if (!lead) throw new Error('the seed has a lead')
    const unsafe: ArticleInput = {
      ...seed,
      sections: [{...lead, content: [...lead.content, {...block(), markDefs: [link]}]}, ...rest],
    }
    expect(limitProblems(split(unsafe))).toEqual(limitProblems(unsafe))
    expect(limitProblems(split(unsafe))).toEqual([
      `${seed._id} links to "javascript:alert(1)"; only http, https and mailto are allowed`,
    ])
    expect(limitProblems(split(seed))).toEqual([])
  })
})

function block() {
  return {
    _key: 'b',
    _type: 'block' as const,
    children: [{_key: 's', _type: 'span' as const, marks: ['l'], text: 'Click'}],
    style: 'normal' as const,
  }
}
