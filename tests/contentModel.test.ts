import type {SanityDocument} from 'sanity'
import {beforeAll, describe, expect, test} from 'vitest'

import {type DocumentValidation, formatPath, validateDocuments} from '../validation'
import {florent, newsletter, validArticle, without} from './fixtures/contentModel'

/** Each document breaks exactly one rule of the content model (or none, for the first). */
function documentsUnderTest(): SanityDocument[] {
  // The person and newsletter are validated as documents too, not only as the dataset.
  const noSecondHeading = validArticle('article-no-second-heading')
  delete noSecondHeading.sections[1]?.heading
  const duplicateAnchors = validArticle('article-duplicate-anchors')
  const east = duplicateAnchors.sections[2]
  if (east) east.anchor = {_type: 'slug', current: 'refugee-flows'}
  const scriptLink = validArticle('article-script-link')
  const refugees = scriptLink.sections[1]?.content[0]
  if (refugees?._type === 'block') {
    refugees.markDefs = [{_type: 'link', _key: 'web', href: 'javascript:alert(document.cookie)'}]
    refugees.children = [{_type: 'span', _key: 'p2-s', text: 'Click', marks: ['web']}]
  }
  const noNewsletter = validArticle('article-signup-without-newsletter')
  const sectionsWithBareSignup = noNewsletter.sections.map((section) => ({
    ...section,
    content: section.content.map((block) =>
      block._type === 'newsletterBlock' ? without(block, 'newsletter') : block,
    ),
  }))

  return [
    florent,
    newsletter,
    validArticle(),
    without(validArticle('article-no-title'), 'title'),
    {...validArticle('article-long-title'), title: 'Ukraine '.repeat(15).trim()},
    noSecondHeading,
    duplicateAnchors,
    {...validArticle('article-empty-byline'), byline: {_type: 'byline', authors: [], agencies: []}},
    without(validArticle('article-no-byline'), 'byline'),
    {
      ...validArticle('article-duplicate-agency'),
      byline: {_type: 'byline', agencies: ['AFP', 'AFP']},
    },
    {
      ...validArticle('article-duplicate-author'),
      byline: {
        _type: 'byline',
        authors: [
          {_type: 'reference', _key: 'a1', _ref: florent._id},
          {_type: 'reference', _key: 'a2', _ref: florent._id},
        ],
      },
    },
    {
      ...validArticle('article-missing-author'),
      byline: {_type: 'byline', authors: [{_type: 'reference', _key: 'x', _ref: 'person-nobody'}]},
    },
    scriptLink,
    {...noNewsletter, sections: sectionsWithBareSignup},
    {...validArticle('article-no-sections'), sections: []},
    {...validArticle('article-long-standfirst'), standfirst: 'x'.repeat(321)},
    {...validArticle('article-taken-slug'), slug: {_type: 'slug', current: 'taken'}},
    without(
      {...florent, _id: 'person-nameless', slug: {_type: 'slug', current: 'nameless'}},
      'name',
    ),
    without(
      {...newsletter, _id: 'newsletter-untitled', slug: {_type: 'slug', current: 'x'}},
      'title',
    ),
    {...florent, _id: 'podcast-1', _type: 'podcast'},
    without({...florent, _id: 'person-no-slug'}, 'slug'),
  ]
}

const dataset: SanityDocument[] = [
  florent,
  newsletter,
  {...validArticle('article-existing'), slug: {_type: 'slug', current: 'taken'}},
]

let results: DocumentValidation[] = []

beforeAll(async () => {
  results = await validateDocuments(documentsUnderTest(), dataset)
})

/** The issues Sanity raised for one document, with paths printed. */
function issuesOf(id: string) {
  const result = results.find((candidate) => candidate.documentId === id)
  if (!result) throw new Error(`no validation result for ${id}`)
  return result.issues.map(({level, message, path}) => ({level, path: formatPath(path), message}))
}

describe('content model validation (Sanity validateDocument)', () => {
  test('validateDocument: a complete article, its person and newsletter raise nothing', () => {
    expect(issuesOf('article-valid')).toEqual([])
    expect(issuesOf(florent._id)).toEqual([])
    expect(issuesOf(newsletter._id)).toEqual([])
  })

  test.each([
    ['article-no-title', 'error', 'title', 'Give the article a headline.'],
    [
      'article-long-title',
      'warning',
      'title',
      'Headlines over 110 characters get cut off in feeds and search results.',
    ],
    [
      'article-no-second-heading',
      'error',
      'sections[_key=="refugees"].heading',
      'Every section after the lead needs a heading.',
    ],
    ['article-empty-byline', 'error', 'byline', 'Credit at least one author or one agency.'],
    ['article-no-byline', 'error', 'byline', 'Credit the article to an author or an agency.'],
    [
      'article-script-link',
      'error',
      'sections[_key=="refugees"].content[_key=="p2"].markDefs[_key=="web"].href',
      'Links need an http://, https:// or mailto: address (javascript: is not allowed).',
    ],
    [
      'article-signup-without-newsletter',
      'error',
      'sections[_key=="east"].content[_key=="signup"].newsletter',
      'Choose which newsletter readers sign up to.',
    ],
    ['article-no-sections', 'error', 'sections', 'An article needs at least one section of text.'],
    [
      'article-long-standfirst',
      'error',
      'standfirst',
      'Keep the standfirst to 320 characters or fewer.',
    ],
    ['person-nameless', 'error', 'name', 'Add the name as it should appear in bylines.'],
    ['newsletter-untitled', 'error', 'title', 'Name the newsletter so editors can pick it.'],
  ])('validateDocument: %s raises exactly "%s" at %s', (id, level, path, message) => {
    expect(issuesOf(id)).toEqual([{level, path, message}])
  })

  test('validateDocument: duplicate anchors in one article are flagged on both sections', () => {
    const message = 'Slug is already in use'
    expect(issuesOf('article-duplicate-anchors')).toEqual([
      {level: 'error', path: 'sections[_key=="east"].anchor', message},
      {level: 'error', path: 'sections[_key=="refugees"].anchor', message},
    ])
  })

  test('validateDocument: an agency credited twice is flagged on both credits', () => {
    const message = 'Each agency can be credited only once.'
    expect(issuesOf('article-duplicate-agency')).toEqual([
      {level: 'error', path: 'byline.agencies[0]', message},
      {level: 'error', path: 'byline.agencies[1]', message},
    ])
  })

  test('validateDocument: an author credited twice is flagged on both credits', () => {
    const message = 'Each author can be credited only once.'
    expect(issuesOf('article-duplicate-author')).toEqual([
      {level: 'error', path: 'byline.authors[_key=="a1"]', message},
      {level: 'error', path: 'byline.authors[_key=="a2"]', message},
    ])
  })

  test('validateDocument: a missing slug is required, as Sanity words it', () => {
    expect(issuesOf('person-no-slug')).toEqual([
      {level: 'error', path: 'slug', message: 'Required'},
      {level: 'error', path: 'slug.current', message: 'Required'},
    ])
  })

  test('validateDocument: a slug another article uses is rejected, checked offline', () => {
    expect(issuesOf('article-taken-slug')).toEqual([
      {level: 'error', path: 'slug', message: 'Slug is already in use'},
    ])
  })

  test('validateDocument: an author reference to a missing person is an error', () => {
    const issues = issuesOf('article-missing-author')
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({level: 'error', path: 'byline.authors[_key=="x"]'})
  })

  test('validateDocuments: a type outside the schema is rejected', () => {
    expect(issuesOf('podcast-1')).toEqual([
      {level: 'error', path: '_type', message: '"podcast" is not a type in the Studio schema'},
    ])
  })
})
