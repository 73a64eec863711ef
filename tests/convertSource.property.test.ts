import {toPlainText} from '@portabletext/toolkit'
import fc from 'fast-check'
import type {SanityDocument} from 'sanity'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'

import {type Conversion, convertSource} from '../importer'
import {createValidator, type Validator} from '../validation'

const TOKENS = [
  'Ukraine',
  'claimed',
  'on',
  'Friday',
  'Київ',
  'заявив',
  '北京',
  '市民',
  'مرحبا',
  'Zoë',
  'said',
  '“fair”',
  '‘quoted’',
  '—',
  '–',
  '…',
  '10',
  'km.',
  'AFP',
  'By',
  'and',
  'with',
  ',',
  '.',
  '!',
  '?',
  ':',
  'Newsletter',
  'Subscribe',
  'signup',
  'Please',
  'wait...',
  'Thank',
  'you!',
  '(see',
  'this)',
  'https://example.com/a?b=1',
  'http://x.org/(y)',
  'https://',
  '\u00A0',
  'Refugee',
  'Flows',
  '*',
  '-',
  '•',
  '>',
  '#',
  '1.',
  '2)',
  '---',
]

/** Words of signup forms, kept out of articles whose structure a property must not change. */
const SIGNUP_WORDS = new Set(['Newsletter', 'Subscribe', 'signup', 'Please', 'Thank'])

const word = fc.oneof(
  {weight: 5, arbitrary: fc.constantFrom(...TOKENS)},
  fc.string({minLength: 1, maxLength: 8}),
)
const line = fc
  .array(fc.tuple(word, fc.constantFrom(' ', ' ', '  ', '\t', ' \u00A0')), {
    minLength: 1,
    maxLength: 12,
  })
  .map((parts) =>
    parts
      .map(([token, space]) => token + space)
      .join('')
      .trim(),
  )
const separator = fc.constantFrom('\n', '\n\n', '\n\n\n', '\n \t\n', '\r\n', '\r\n\r\n', '\r')

/** Plain text whose lines never start with list, quote, heading or front matter markup. */
const wireText = fc
  .array(fc.tuple(line, separator), {minLength: 1, maxLength: 14})
  .map((parts) => parts.map(([text, sep]) => withoutMarkup(text) + sep).join(''))
  .filter((text) => text.trim() !== '')

function withoutMarkup(text: string): string {
  return /^\s*([-*•>#]|\d{1,3}[.)]|---)/u.test(text) ? `x${text}` : text
}

function convert(text: string, fileName = 'article.txt'): Conversion {
  return convertSource(new TextEncoder().encode(text), {
    fileName,
    importedAt: '2024-08-17T00:00:00.000Z',
    importerVersion: '0.0.0-test',
  })
}

/** The article's text in reading order: its headline (unless derived), headings and blocks. */
function bodyText({structured, documents: {article}}: Conversion): string {
  const parts = structured.title.derived ? [] : [article.title]
  for (const section of article.sections) {
    if (section.heading) parts.push(section.heading)
    for (const block of section.content)
      if (block._type === 'block') parts.push(toPlainText([block]))
  }
  return parts.join('')
}

/** What the documents keep of the lines taken out of the text: credits, promos, signup copy. */
function setAsideText({documents: {article, newsletter}}: Conversion): string {
  const signup = newsletter
    ? [
        newsletter.heading,
        newsletter.ctaLabel,
        newsletter.pendingMessage,
        newsletter.successMessage,
        newsletter.description,
      ]
    : []
  return [
    ...(article.source?.creditLines ?? []),
    ...(article.source?.promoLines ?? []),
    ...signup.filter((copy) => copy !== undefined),
  ].join('')
}

/** Whether the characters of `part` appear in `whole` in order. */
function isSubsequence(part: string, whole: string): boolean {
  let at = 0
  for (const character of part) {
    at = whole.indexOf(character, at)
    if (at < 0) return false
    at += character.length
  }
  return true
}

const sorted = (text: string) => [...text].sort().join('')

const nonWhitespace = (text: string) => text.replace(/\s/gu, '')

function allKeyArrays(conversion: Conversion): string[][] {
  const {article} = conversion.documents
  const arrays = [
    article.sections.map((s) => s._key),
    (article.byline.authors ?? []).map((a) => a._key),
  ]
  for (const section of article.sections) {
    arrays.push(section.content.map((block) => block._key))
    for (const block of section.content) {
      if (block._type !== 'block') continue
      arrays.push((block.children ?? []).map((span) => span._key))
      arrays.push((block.markDefs ?? []).map((link) => link._key))
    }
  }
  return arrays
}

describe('convertSource properties', () => {
  test('convertSource: no non-whitespace character is lost, and the text keeps its order', () => {
    fc.assert(
      fc.property(wireText, (text) => {
        const conversion = convert(text)
        const body = nonWhitespace(bodyText(conversion))
        // What stays in the article is in the source's order; with what the documents keep of
        // the lines taken out, it is every character of the source.
        expect(isSubsequence(body, nonWhitespace(text))).toBe(true)
        expect(sorted(body + nonWhitespace(setAsideText(conversion)))).toBe(
          sorted(nonWhitespace(text)),
        )
      }),
      {numRuns: 300},
    )
  })

  test('convertSource: every _key is unique within its array', () => {
    fc.assert(
      fc.property(wireText, (text) => {
        for (const keys of allKeyArrays(convert(text))) expect(new Set(keys).size).toBe(keys.length)
      }),
      {numRuns: 300},
    )
  })

  test('convertSource: converting twice gives identical documents', () => {
    fc.assert(
      fc.property(wireText, (text) => {
        expect(convert(text)).toEqual(convert(text))
      }),
      {numRuns: 100},
    )
  })

  test('convertSource: inserting a paragraph keeps every other block’s key', () => {
    const sentence = fc
      .array(
        fc.constantFrom(
          ...TOKENS.filter((token) => /^\p{L}+$/u.test(token) && !SIGNUP_WORDS.has(token)),
        ),
        {
          minLength: 3,
          maxLength: 12,
        },
      )
      .map((words) => `${words.join(' ')}.`)
    fc.assert(
      fc.property(
        fc.array(sentence, {minLength: 2, maxLength: 10}),
        fc.nat(),
        sentence,
        (paragraphs, at, inserted) => {
          const before = convert(paragraphs.join('\n\n'))
          const withInsert = [...paragraphs]
          withInsert.splice(at % (paragraphs.length + 1), 0, `Inserted: ${inserted}`)
          const after = convert(withInsert.join('\n\n'))
          const keysAfter = new Set(
            after.documents.article.sections.flatMap((s) => s.content.map((b) => b._key)),
          )
          for (const block of before.documents.article.sections.flatMap((s) => s.content)) {
            expect(keysAfter).toContain(block._key)
          }
        },
      ),
      {numRuns: 100},
    )
  })
})

describe('convertSource properties: Sanity validation', () => {
  let validator: Validator
  beforeAll(async () => {
    validator = await createValidator()
  })
  afterAll(() => validator.close())

  test('validateDocument: arbitrary articles with a lead and a byline pass the schema', async () => {
    const texts = fc.sample(wireText, {numRuns: 60, seed: 20240817})
    const conversions = texts.map((text, index) =>
      convert(
        `Lead paragraph number ${index}.\n\n${text}\n\nBy Test Writer\n`,
        `article-${index}.txt`,
      ),
    )
    const documents = new Map<string, SanityDocument>()
    for (const {documents: built} of conversions) {
      for (const document of [
        built.article,
        ...built.persons,
        ...(built.newsletter ? [built.newsletter] : []),
      ]) {
        documents.set(document._id, {...document, _createdAt: '', _updatedAt: '', _rev: ''})
      }
    }
    const results = await validator.validate([...documents.values()])
    const errors = results.flatMap((result) =>
      result.issues
        .filter((issue) => issue.level === 'error')
        .map((issue) => [result.documentId, issue]),
    )
    expect(errors).toEqual([])
  }, 60_000)
})
