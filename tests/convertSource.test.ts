import {toPlainText} from '@portabletext/toolkit'
import {describe, expect, test, vi} from 'vitest'

import {generateCorpus} from '../corpus/generateCorpus'
import {type Conversion, convertSource} from '../importer/convert/convertSource'
import type {ContentInput} from '../importer/documents/types'
import {ImportError} from '../importer/shared/ImportError'
import {type Expected, type ImportFixture, importFixtures} from './fixtures/import'
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

function bytesOf(fixture: ImportFixture): Uint8Array {
  return 'bytes' in fixture
    ? Uint8Array.from(fixture.bytes)
    : new TextEncoder().encode(fixture.input)
}

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
})

/** The converter of a fresh copy of the importer's modules: no earlier conversion touched it. */
async function freshConvertSource(): Promise<typeof convertSource> {
  vi.resetModules()
  return (await import('../importer/convert/convertSource')).convertSource
}

test('convertSource: conversions interleaved in one process give what each gives alone', async () => {
  const sources = [
    ...importFixtures
      .filter((fixture) => !fixture.output.error)
      .map((fixture) => ({fileName: fixture.fileName, bytes: bytesOf(fixture)})),
    ...[...generateCorpus(40)].map(({fileName, text}) => ({
      fileName,
      bytes: new TextEncoder().encode(text),
    })),
  ]
  const first = sources.filter((_, index) => index % 2 === 0)
  const second = sources.filter((_, index) => index % 2 === 1)
  const documents = (convert: typeof convertSource, source: (typeof sources)[number]) =>
    convert(source.bytes, {fileName: source.fileName, ...OPTIONS}).documents

  const firstAlone = await freshConvertSource()
  const secondAlone = await freshConvertSource()
  const together = await freshConvertSource()
  expect(new Set([firstAlone, secondAlone, together, convertSource]).size).toBe(4)
  const expected = [
    first.map((source) => documents(firstAlone, source)),
    second.map((source) => documents(secondAlone, source)),
  ]
  // Each conversion in turn with the other's, then again in reverse, everything seen before.
  for (const order of [sources, [...sources].reverse()]) {
    const converted = new Map(order.map((source) => [source, documents(together, source)]))
    expect([
      first.map((source) => converted.get(source)),
      second.map((source) => converted.get(source)),
    ]).toEqual(expected)
  }
})
