import type {Rule} from '@sanity/types'
import {describe, expect, test} from 'vitest'

import {PURE_RULES} from '../schemas/rules'
import {schemaTypes} from '../schemas/schemaTypes'
import type {PureRule, Verdict} from '../validation/fast/checkRule'
import {DatasetIndex} from '../validation/fast/DatasetIndex'
import {screenDocument} from '../validation/fast/screenDocument'
import {loadStudioRules} from '../validation/fast/studioRules'
import {florent, newsletter, validArticle, without} from './fixtures/contentModel'

function noSpaces(value: unknown): true | string {
  return typeof value !== 'string' || !value.includes(' ') || 'No spaces.'
}

function neverCalled(): true {
  throw new Error('a rule the fast path does not know was called')
}

/** A schema with rules the content model does not use, some of which only Sanity can evaluate. */
const noteTypes = [
  {
    name: 'note',
    type: 'document',
    fields: [
      {
        name: 'mood',
        type: 'string',
        options: {list: ['calm', 'urgent']},
        validation: (rule: Rule) => rule.required(),
      },
      {name: 'count', type: 'number', validation: (rule: Rule) => rule.min(1).max(9)},
      {name: 'code', type: 'string', validation: (rule: Rule) => rule.regex(/^[A-Z]+$/)},
      {name: 'contact', type: 'email'},
      {name: 'handle', type: 'string', validation: (rule: Rule) => rule.custom(noSpaces)},
      {name: 'done', type: 'boolean', validation: (rule: Rule) => rule.required()},
      {name: 'due', type: 'datetime'},
      {name: 'site', type: 'url', validation: (rule: Rule) => rule.uri({allowRelative: true})},
      {
        name: 'tags',
        type: 'array',
        of: [{type: 'string'}],
        validation: (rule: Rule) => rule.unique().max(2),
      },
      {
        name: 'either',
        type: 'string',
        validation: (rule: Rule) => rule.either([rule.min(2), rule.max(0)]),
      },
      {
        name: 'pair',
        type: 'object',
        fields: [{name: 'a', type: 'string'}],
        validation: (rule: Rule) => rule.fields({a: (field: Rule) => field.required()}),
      },
      {name: 'code2', type: 'slug', options: {isUnique: neverCalled}},
    ],
  },
  {
    name: 'secretNote',
    type: 'document',
    fields: [
      {name: 'secret', type: 'string', validation: (rule: Rule) => rule.custom(neverCalled)},
    ],
  },
]

const noteRules = loadStudioRules(noteTypes)
const pureNoteRules: PureRule[] = [noSpaces]
const note = {_id: 'note-1', _type: 'note', mood: 'calm', done: false}

const noteFixtures: {n: number; input: Record<string, unknown>; output: Verdict}[] = [
  {n: 1, input: {}, output: 'valid'},
  {n: 2, input: {mood: 'sleepy'}, output: 'problem'},
  {n: 3, input: {mood: undefined}, output: 'problem'},
  {n: 4, input: {count: 9}, output: 'valid'},
  {n: 5, input: {count: 10}, output: 'problem'},
  {n: 6, input: {count: 0}, output: 'problem'},
  {n: 7, input: {count: '3'}, output: 'problem'},
  // Rules with no fast check of their own are left to Sanity.
  {n: 8, input: {code: 'ABC'}, output: 'unknown'},
  {n: 9, input: {contact: 'desk@example.com'}, output: 'unknown'},
  {n: 10, input: {handle: 'anna'}, output: 'valid'},
  {n: 11, input: {handle: 'anna smith'}, output: 'problem'},
  {n: 12, input: {_type: 'secretNote', secret: 'x'}, output: 'unknown'},
  // A custom rule runs on an empty value too: the fast path cannot call this one.
  {n: 13, input: {_type: 'secretNote'}, output: 'unknown'},
  {n: 14, input: {done: undefined}, output: 'problem'},
  {n: 15, input: {done: 'yes'}, output: 'problem'},
  {n: 16, input: {due: '2024-08-16T18:00:00.000Z'}, output: 'valid'},
  {n: 17, input: {due: '2024-08-16'}, output: 'unknown'},
  {n: 18, input: {site: '/relative'}, output: 'unknown'},
  {n: 19, input: {tags: ['a', 'b']}, output: 'valid'},
  {n: 20, input: {tags: ['a', 'a']}, output: 'problem'},
  {n: 21, input: {tags: ['a', 'b', 'c']}, output: 'problem'},
  {n: 22, input: {either: 'abc'}, output: 'unknown'},
  {n: 23, input: {pair: {a: 'x'}}, output: 'unknown'},
  {n: 24, input: {code2: {_type: 'slug', current: 'x'}}, output: 'unknown'},
  // A problem found is a problem, whatever else only Sanity could judge.
  {n: 25, input: {code: 'abc', count: 12}, output: 'problem'},
  {n: 26, input: {_type: 'podcast'}, output: 'unknown'},
  {n: 27, input: {_type: 5}, output: 'unknown'},
]

describe('screenDocument', () => {
  test.each(noteFixtures)('screenDocument: note $n is $output', ({input, output}) => {
    const screen = {rules: noteRules, pureRules: pureNoteRules, dataset: new DatasetIndex([])}
    expect(screenDocument({...note, ...input}, screen)).toBe(output)
  })

  const rules = loadStudioRules(schemaTypes)
  const stored = [florent, newsletter]
  const screenWith = (documents: unknown[]) => ({
    rules,
    pureRules: PURE_RULES,
    dataset: new DatasetIndex([...stored, ...documents]),
  })
  const verdict = (document: Record<string, unknown>, others: unknown[] = []) =>
    screenDocument(document, screenWith([document, ...others]))

  test("screenDocument: the content model's valid article, person and newsletter are valid", () => {
    expect([validArticle(), florent, newsletter].map((each) => verdict(each))).toEqual([
      'valid',
      'valid',
      'valid',
    ])
  })

  const articleFixtures: {
    n: number
    input: () => Record<string, unknown>
    others?: unknown[]
    output: Verdict
  }[] = [
    {n: 1, input: () => without(validArticle(), 'title'), output: 'problem'},
    // A warning is a marker too: only Sanity writes its words.
    {n: 2, input: () => ({...validArticle(), title: 'x'.repeat(111)}), output: 'problem'},
    {n: 3, input: () => ({...validArticle(), title: 'x'.repeat(110)}), output: 'valid'},
    {n: 4, input: () => ({...validArticle(), standfirst: 'x'.repeat(321)}), output: 'problem'},
    {
      n: 5,
      input: () => ({...validArticle(), byline: {_type: 'byline', agencies: ['AFP', 'AFP']}}),
      output: 'problem',
    },
    {
      n: 6,
      input: () => ({...validArticle(), byline: {_type: 'byline', authors: [], agencies: []}}),
      output: 'problem',
    },
    {
      n: 7,
      input: () => ({
        ...validArticle(),
        byline: {
          _type: 'byline',
          authors: [{_type: 'reference', _key: 'x', _ref: 'person-nobody'}],
        },
      }),
      output: 'problem',
    },
    // A draft does not stand for the published person a reference needs.
    {
      n: 8,
      input: () => ({
        ...validArticle(),
        byline: {_type: 'byline', authors: [{_type: 'reference', _key: 'x', _ref: 'person-new'}]},
      }),
      others: [{_id: 'drafts.person-new', _type: 'person'}],
      output: 'problem',
    },
    {
      n: 9,
      input: () => ({
        ...validArticle(),
        byline: {_type: 'byline', authors: [{_type: 'reference', _key: 'x', _ref: 'person-new'}]},
      }),
      others: [{_id: 'person-new', _type: 'person'}],
      output: 'valid',
    },
    // Slugs: another article's, a person's, the article's own draft's and release version's.
    {
      n: 10,
      input: () => validArticle('article-a'),
      others: [{_id: 'article-b', _type: 'article', slug: {current: 'article-a'}}],
      output: 'problem',
    },
    {
      n: 11,
      input: () => validArticle('article-a'),
      others: [{_id: 'person-b', _type: 'person', slug: {current: 'article-a'}}],
      output: 'valid',
    },
    {
      n: 12,
      input: () => validArticle('article-a'),
      others: [{_id: 'drafts.article-a', _type: 'article', slug: {current: 'article-a'}}],
      output: 'valid',
    },
    {
      n: 13,
      input: () => validArticle('article-a'),
      others: [{_id: 'versions.r1.article-a', _type: 'article', slug: {current: 'article-a'}}],
      output: 'valid',
    },
    {
      n: 14,
      input: () => validArticle('article-a'),
      others: [{_id: 'versions.article-a', _type: 'article', slug: {current: 'article-a'}}],
      output: 'problem',
    },
    {
      n: 15,
      input: () => ({...validArticle(), slug: {_type: 'slug', current: '  '}}),
      output: 'problem',
    },
    {n: 16, input: () => ({...validArticle(), publishedAt: 'yesterday'}), output: 'unknown'},
    {
      n: 17,
      input: () => ({...validArticle(), extra: 'unknown fields are not checked in the Studio'}),
      output: 'valid',
    },
  ]

  test.each(articleFixtures)('screenDocument: article $n is $output', ({input, others, output}) => {
    expect(verdict(input(), others)).toBe(output)
  })

  test('screenDocument: an unheaded later section is a problem, an unheaded lead is not', () => {
    const article = validArticle()
    const headless = article.sections.map(({heading: _heading, ...section}) => section)
    expect(verdict({...article, sections: headless})).toBe('problem')
    expect(verdict({...article, sections: [headless[0], ...article.sections.slice(1)]})).toBe(
      'valid',
    )
  })

  test('screenDocument: a link to javascript: or with a password is a problem; mailto: is not', () => {
    const withHref = (href: string) => {
      const article = validArticle()
      const block = article.sections[1]?.content[0]
      if (block?._type === 'block') block.markDefs = [{_type: 'link', _key: 'web', href}]
      return article
    }
    expect(
      [
        'javascript:alert(1)',
        'https://u:p@example.com',
        'mailto:desk@example.com',
        'https:foo',
      ].map((href) => verdict(withHref(href))),
    ).toEqual(['problem', 'problem', 'valid', 'valid'])
  })
})

describe('DatasetIndex', () => {
  const index = new DatasetIndex([
    {_id: 'article-a', _type: 'article', slug: {current: 'a'}},
    {_id: 'drafts.article-b', _type: 'article', slug: {current: 'b'}},
    {_id: 'person-a', _type: 'person', slug: {current: 'a'}},
    {_id: 'article-c', _type: 'article', slug: 'not a slug'},
    'not a document',
  ])

  test('DatasetIndex: has reads ids exactly', () => {
    expect(
      ['article-a', 'article-b', 'drafts.article-b', 'person-a'].map((id) => index.has(id)),
    ).toEqual([true, false, true, true])
  })

  test('DatasetIndex: slugTaken counts other documents of the type, not versions of the same one', () => {
    expect(index.slugTaken('article', 'slug', 'a', 'article-x')).toBe(true)
    expect(index.slugTaken('article', 'slug', 'a', 'article-a')).toBe(false)
    expect(index.slugTaken('article', 'slug', 'b', 'article-b')).toBe(false)
    expect(index.slugTaken('article', 'slug', 'b', 'article-x')).toBe(true)
    expect(index.slugTaken('newsletter', 'slug', 'a', 'newsletter-x')).toBe(false)
    expect(index.slugTaken('article', 'handle', 'a', 'article-x')).toBe(false)
  })
})
