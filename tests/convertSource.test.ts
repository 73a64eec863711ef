import {toPlainText} from '@portabletext/toolkit'
import {describe, expect, test} from 'vitest'

import {type Conversion, convertSource} from '../importer/convert/convertSource'
import type {ContentInput} from '../importer/documents/types'
import {ImportError} from '../importer/shared/ImportError'
import {bytesOf, type Expected, importFixtures} from './fixtures/import'
import {thrownBy} from './support/rejection'

type View = Omit<Expected, 'error'>
type Block = Extract<ContentInput, {_type: 'block'}>

const FIELDS: (keyof View)[] = [
  'title',
  'titleDerived',
  'sections',
  'authors',
  'agencies',
  'newsletter',
  'signupAt',
  'links',
  'styles',
  'slug',
  'id',
  'standfirst',
  'publishedAt',
  'creditLines',
  'promoLines',
  'notes',
]

const OPTIONS = {importedAt: '2024-08-16T08:00:00.000Z', importerVersion: '0.0.0-test'}
const OPTIONS_MD = {...OPTIONS, fileName: 'a.md'}

function isBlock(item: ContentInput): item is Block {
  return item._type === 'block'
}

/** The conversion as fixtures describe it: texts, names and hrefs rather than documents. */
function viewOf({documents, structured, notes}: Conversion): View {
  const {article, persons, newsletter} = documents
  const blocks = article.sections.flatMap((section) => section.content.filter(isBlock))
  return {
    title: article.title,
    titleDerived: structured.title.derived && article.title === structured.title.text,
    sections: article.sections.map((section) => ({
      heading: section.heading ?? null,
      blocks: section.content.filter(isBlock).map((block) => toPlainText([block])),
    })),
    authors: persons.map((person) => person.name),
    agencies: article.byline.agencies ?? [],
    newsletter: newsletter
      ? {
          heading: newsletter.heading ?? '',
          ctaLabel: newsletter.ctaLabel,
          pendingMessage: newsletter.pendingMessage,
          successMessage: newsletter.successMessage,
          description: newsletter.description,
        }
      : null,
    signupAt: signupPosition(article.sections),
    creditLines: article.source?.creditLines ?? [],
    promoLines: article.source?.promoLines ?? [],
    notes,
    links: blocks.flatMap((block) => (block.markDefs ?? []).map((markDef) => markDef.href)),
    styles: blocks.map((block) => block.listItem ?? block.style ?? 'normal'),
    slug: article.slug.current,
    id: article._id,
    standfirst: article.standfirst,
    publishedAt: article.publishedAt,
  }
}

function signupPosition(
  sections: Conversion['documents']['article']['sections'],
): View['signupAt'] {
  for (const [section, {content}] of sections.entries()) {
    const index = content.findIndex((item) => item._type === 'newsletterBlock')
    if (index >= 0) return {section, index}
  }
  return undefined
}

function copyField<K extends keyof View>(to: View, from: View, field: K): void {
  to[field] = from[field]
}

/** Only the fields the fixture states, so each fixture asserts just what it is about. */
function pick(view: View, expected: Expected): View {
  const picked: View = {}
  for (const field of FIELDS) if (field in expected) copyField(picked, view, field)
  return picked
}

describe('convertSource', () => {
  test.each(importFixtures)('convertSource: $name', (fixture) => {
    const {fileName, output} = fixture
    const convert = () => convertSource(bytesOf(fixture), {fileName, ...OPTIONS})
    if (output.error) {
      const error = thrownBy(convert)
      expect(error).toBeInstanceOf(ImportError)
      expect(error instanceof Error ? error.message : error).toMatch(output.error)
      return
    }
    const {error: _error, ...expected} = output
    expect(pick(viewOf(convert()), output)).toEqual(expected)
  })

  // Joined with a pattern that tried every place in the run, as it once was, this took 40 s.
  test('convertSource: a Markdown paragraph holding 300,000 non-breaking spaces keeps them, read in one pass', () => {
    const paragraph = `Before${'\u00a0'.repeat(300_000)}after.`
    const markdown = `Delegations arrived on Friday.\n\n${paragraph}\n\nTalks begin on Monday.\n`
    const {sections} = viewOf(convertSource(new TextEncoder().encode(markdown), OPTIONS_MD))
    expect(sections).toEqual([
      {
        heading: null,
        blocks: ['Delegations arrived on Friday.', paragraph, 'Talks begin on Monday.'],
      },
    ])
  })

  // Read with a pattern over the whole block, as it once was, this took minutes.
  test('convertSource: a Markdown HTML block of 300,000 unclosed "<" is read in one pass and stays text', () => {
    const run = '<'.repeat(300_000)
    const markdown = `Delegations arrived on Friday.\n\n<div>\n${run}\n\nTalks begin on Monday.\n`
    const {sections} = viewOf(convertSource(new TextEncoder().encode(markdown), OPTIONS_MD))
    expect(sections).toEqual([
      {heading: null, blocks: ['Delegations arrived on Friday.', run, 'Talks begin on Monday.']},
    ])
  })
})
