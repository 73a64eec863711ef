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
/**
 * Words of credit lines (`By Ukraine Ukraine.`), kept out of them too: such a line is taken out
 * of the text as a credit once other text would remain, which an inserted paragraph can make so.
 */
const CREDIT_WORDS = new Set(['By', 'AFP'])

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

/** Words of ordinary prose: no name, credit, promo or abbreviation among them. */
const PROSE = ['the', 'river', 'rose', 'overnight', 'in', 'valley', 'officials', 'said', 'road']
  .concat(['closed', 'after', 'heavy', 'rain', 'water', 'bridge', 'town', 'two', 'residents'])
  .concat(['Київ', 'заявив', '北京', '市民', 'مرحبا', '“fair”', '10', 'km', '—'])

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1)

/** Whether words read as prose: a word in lower case after the first, so not a line of names. */
const isProse = (words: readonly string[]) => words.slice(1).some((word) => /^\p{Ll}+$/u.test(word))

/** A sentence of at most 90 characters, so a headline derived from it is never cut. */
const sentence = fc
  .array(fc.constantFrom(...PROSE), {minLength: 4, maxLength: 9})
  .filter(isProse)
  .map((words) => `${capitalized(words.join(' '))}.`)

const NAMES = ['Anna Smith', 'Ben Jones', 'Florent Vergnes', 'Chloé Martin']

/** A credit line and what it credits, placed under the headline or after the text. */
const credit = fc
  .oneof(
    fc.record({
      authors: fc.subarray(NAMES, {minLength: 1, maxLength: 2}),
      agencies: fc.constantFrom([], ['AFP'], ['Reuters']),
      at: fc.constantFrom('top', 'end'),
    }),
    fc.record({authors: fc.constant([]), agencies: fc.constant(['AFP']), at: fc.constant('end')}),
  )
  .map(({authors, agencies, at}) => {
    const names = authors.join(' and ')
    const agency = agencies.join(' and ')
    const line = names
      ? `${at === 'top' ? 'By ' : ''}${names}${agency ? `, with ${agency}` : ''}`
      : agency
    return {line, authors, agencies, at}
  })

/** Signup forms as sites paste them: heading, button, pending and success lines. */
const signup = fc
  .constantFrom(
    [
      'Subscribe to our newsletter',
      'Newsletter signup',
      'Please wait...',
      'Thank you for sign up!',
    ],
    ['The Morning Briefing', 'Sign up', 'Loading…', 'Thanks for subscribing!'],
    ['Get our weekly digest', 'Subscribe now', 'One moment', 'You’re in!'],
  )
  .map((lines) => ({lines}))

/** An article whose parts the property knows, to find each where it should be. */
const knownArticle = fc.record(
  {
    headline: fc
      .array(fc.constantFrom(...PROSE), {minLength: 2, maxLength: 8})
      .filter(isProse)
      .map((words) => capitalized(words.join(' '))),
    paragraphs: fc.array(
      fc.array(sentence, {minLength: 1, maxLength: 3}).map((sentences) => sentences.join(' ')),
      {minLength: 1, maxLength: 5},
    ),
    credit,
    signup,
  },
  {requiredKeys: ['paragraphs']},
)

/** A newsletter's copy in the order a signup form shows it. */
function signupLines(newsletter: {
  heading?: string
  ctaLabel?: string
  pendingMessage?: string
  successMessage?: string
}): (string | undefined)[] {
  return [
    newsletter.heading,
    newsletter.ctaLabel,
    newsletter.pendingMessage,
    newsletter.successMessage,
  ]
}

function convert(text: string, fileName = 'article.txt'): Conversion {
  return convertSource(new TextEncoder().encode(text), {
    fileName,
    importedAt: '2024-08-17T00:00:00.000Z',
    importerVersion: '0.0.0-test',
  })
}

/** The article's text in reading order, without its headline: its headings and blocks. */
function bodyText({documents: {article}}: Conversion): string {
  const parts: string[] = []
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

/** The source's first block without whitespace: blank lines separate blocks (README). */
const firstBlock = (text: string) =>
  nonWhitespace(
    text
      .replace(/\r\n?/gu, '\n')
      .split(/\n[^\S\n]*\n/u)
      .find((block) => block.trim() !== '') ?? '',
  )

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
        const source = nonWhitespace(text)
        const title = nonWhitespace(conversion.documents.article.title)
        const body = nonWhitespace(bodyText(conversion))
        const kept = body + nonWhitespace(setAsideText(conversion))
        // A headline taken from its own line is no longer in the text; one derived from the lead
        // repeats words the text keeps. The counts tell which: either way, with what the
        // documents keep of the lines taken out, the output has every character of the source.
        const headlineTaken = sorted(kept) !== sorted(source)
        expect(sorted(headlineTaken ? title + kept : kept)).toBe(sorted(source))
        // A headline taken out was the source's first block.
        if (headlineTaken) expect(title).toBe(firstBlock(text))
        // What stays in the article is in the source's order.
        expect(isSubsequence(headlineTaken ? title + body : body, source)).toBe(true)
      }),
      {numRuns: 300},
    )
  })

  test('convertSource: a generated article’s headline, paragraphs, credit line and signup come back where the README puts them', () => {
    fc.assert(
      fc.property(knownArticle, ({headline, paragraphs, credit, signup}) => {
        const text = [
          ...(headline ? [headline] : []),
          ...(credit?.at === 'top' ? [credit.line] : []),
          ...paragraphs,
          ...(credit?.at === 'end' ? [credit.line] : []),
          ...(signup ? [signup.lines.join('\n\n')] : []),
        ].join('\n\n')
        const {article, persons, newsletter} = convert(text).documents
        // The headline line, or the lead's first sentence without its full stop.
        expect(article.title).toBe(headline ?? paragraphs[0]?.split('. ')[0]?.replace(/\.$/u, ''))
        // Every paragraph, whole and in order, in the lead: they all end a sentence.
        expect(article.sections).toHaveLength(1)
        const blocks = article.sections.flatMap((section) => section.content)
        expect(
          blocks.flatMap((block) => (block._type === 'block' ? [toPlainText([block])] : [])),
        ).toEqual(paragraphs)
        // The credit line, as printed, on the source; its names and agencies on the byline.
        expect(article.source?.creditLines).toEqual(credit ? [credit.line] : undefined)
        expect(persons.map((person) => person.name)).toEqual(credit?.authors ?? [])
        expect(article.byline.agencies).toEqual(credit?.agencies ?? [])
        expect(article.source?.promoLines).toBeUndefined()
        // The signup, its lines in their slots, as one block closing the text.
        expect(newsletter && signupLines(newsletter)).toEqual(signup?.lines)
        expect(blocks.map((block) => block._type).filter((type) => type !== 'block')).toEqual(
          signup ? ['newsletterBlock'] : [],
        )
        if (signup) expect(blocks.at(-1)?._type).toBe('newsletterBlock')
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
          ...TOKENS.filter(
            (token) =>
              /^\p{L}+$/u.test(token) && !SIGNUP_WORDS.has(token) && !CREDIT_WORDS.has(token),
          ),
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
