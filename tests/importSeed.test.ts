import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'

import {toPlainText} from '@portabletext/toolkit'
import {describe, expect, test} from 'vitest'

import {convertSource} from '../importer'
import {contentHash} from '../importer/documents/contentHash'

const SEED = 'seeds/kursk-advance.txt'
const source = readFileSync(new URL(`../${SEED}`, import.meta.url))
const {documents} = convertSource(source, {
  fileName: SEED,
  importedAt: '2024-08-17T00:00:00.000Z',
  importerVersion: '0.0.0-test',
})
const {article, persons, newsletter} = documents

/** The seed's lines that are not body paragraphs: subheadings, byline and signup form. */
const NOT_PARAGRAPHS = new Set([
  'Refugee Flows',
  'Russian Pressure in the East',
  'Florent Vergnes, with AFP',
  'Subscribe to our newsletter',
  'Newsletter signup',
  'Please wait...',
  'Thank you for sign up!',
])

describe('the seed article', () => {
  test('convertSource: the seed has a headless lead and two headed sections', () => {
    expect(article.sections.map((section) => section.heading ?? null)).toEqual([
      null,
      'Refugee Flows',
      'Russian Pressure in the East',
    ])
    expect(article.sections.map((section) => section.anchor?.current ?? null)).toEqual([
      null,
      'refugee-flows',
      'russian-pressure-in-the-east',
    ])
  })

  test('convertSource: the sections hold 7, 4 and 5 paragraphs', () => {
    const paragraphs = article.sections.map(
      (section) => section.content.filter((block) => block._type === 'block').length,
    )
    expect(paragraphs).toEqual([7, 4, 5])
  })

  test('convertSource: the plain text of the sections is the 16 source paragraphs, exactly', () => {
    const expected = source
      .toString('utf8')
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim())
      .filter((paragraph) => !NOT_PARAGRAPHS.has(paragraph))
    const actual = article.sections.flatMap((section) =>
      section.content
        .filter((block) => block._type === 'block')
        .map((block) => toPlainText([block])),
    )
    expect(expected).toHaveLength(16)
    expect(actual).toEqual(expected)
  })

  test('convertSource: the byline credits Florent Vergnes with AFP', () => {
    expect(persons.map((person) => [person._id, person.name])).toEqual([
      ['person-florent-vergnes', 'Florent Vergnes'],
    ])
    expect(article.byline.authors?.map((author) => author._ref)).toEqual(['person-florent-vergnes'])
    expect(article.byline.agencies).toEqual(['AFP'])
  })

  test('convertSource: the signup lines become one newsletter block at the end', () => {
    expect(newsletter).toMatchObject({
      heading: 'Subscribe to our newsletter',
      ctaLabel: 'Newsletter signup',
      pendingMessage: 'Please wait...',
      successMessage: 'Thank you for sign up!',
    })
    const blocks = article.sections.flatMap((section) => section.content)
    const signups = blocks.filter((block) => block._type === 'newsletterBlock')
    expect(signups).toHaveLength(1)
    expect(blocks.at(-1)).toMatchObject({
      _type: 'newsletterBlock',
      newsletter: {_type: 'reference', _ref: newsletter?._id},
    })
    const texts = blocks.flatMap((block) => (block._type === 'block' ? [toPlainText([block])] : []))
    expect(texts.filter((text) => NOT_PARAGRAPHS.has(text))).toEqual([])
  })

  test('convertSource: the headline is the lead’s first sentence cut to 100 characters', () => {
    expect(article.title).toBe(
      'Ukraine claimed on Friday to be continuing its unprecedented advance into Russia’s Kursk region…',
    )
    expect(article.title.length).toBeLessThanOrEqual(100)
    expect(article._id).toBe('article-kursk-advance')
  })

  test('convertSource: provenance records the file, its SHA-256 and the content hash', () => {
    expect(article.source).toEqual({
      fileName: SEED,
      creditLines: ['Florent Vergnes, with AFP'],
      sourceSha256: createHash('sha256').update(source).digest('hex'),
      text: source.toString('utf8'),
      importedAt: '2024-08-17T00:00:00.000Z',
      contentHash: contentHash(article),
      importerVersion: '0.0.0-test',
    })
  })
})
