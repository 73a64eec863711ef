import {readFile} from 'node:fs/promises'

import {expect, test} from 'vitest'

import {convertArticle, IMPORTER_VERSION} from '../importer/convert'
import {convertSource} from '../importer/convert/convertSource'
import {importFixtures} from './fixtures/import'
import {thrownBy} from './support/rejection'

const NOW = new Date('2026-03-02T09:30:00.000Z')
const textFixtures = importFixtures.flatMap((fixture) =>
  'input' in fixture ? [{...fixture, input: fixture.input}] : [],
)

/** What `npm run import` makes of a file with this name and text. */
function importedFile(fileName: string, text: string) {
  return convertSource(new TextEncoder().encode(text), {
    fileName,
    importedAt: NOW.toISOString(),
    importerVersion: IMPORTER_VERSION,
  })
}

test.each(textFixtures)('convertArticle: $name gives what the importer gives', (fixture) => {
  const convert = () => convertArticle(fixture.input, {name: fixture.fileName, now: NOW})
  if (fixture.output.error) {
    const error = thrownBy(convert)
    expect(error).toStrictEqual(thrownBy(() => importedFile(fixture.fileName, fixture.input)))
    expect(error).toMatchObject({message: expect.stringMatching(fixture.output.error)})
    return
  }
  const {documents, notes} = importedFile(fixture.fileName, fixture.input)
  expect(convert()).toStrictEqual({documents, notes})
})

test('convertArticle: records the package version as the importer version', async () => {
  const manifest: unknown = JSON.parse(
    await readFile(new URL('../package.json', import.meta.url), 'utf8'),
  )
  expect(manifest).toMatchObject({version: IMPORTER_VERSION})
  const {documents} = convertArticle('Storm closes ports\n\nThe storm closed every port.\n', {
    name: 'storm.txt',
    now: NOW,
  })
  expect(documents.article.source).toMatchObject({
    importerVersion: IMPORTER_VERSION,
    importedAt: NOW.toISOString(),
    fileName: 'storm.txt',
  })
})

test('convertArticle: records the time of the conversion when given none', () => {
  const before = Date.now()
  const {documents} = convertArticle('The storm closed every port.\n', {name: 'storm.txt'})
  const importedAt = Date.parse(documents.article.source?.importedAt ?? '')
  expect(importedAt).toBeGreaterThanOrEqual(before)
  expect(importedAt).toBeLessThanOrEqual(Date.now())
})

test('convertArticle: an editor’s headline is the title and slug, and the derived-headline note goes', () => {
  const text = 'The storm closed every port on the coast on Tuesday.\n\nBy Anna Smith\n'
  const found = convertArticle(text, {name: 'storm.txt', now: NOW})
  expect(found.documents.article.title).toBe('The storm closed every port on the coast on Tuesday')
  expect(found.notes).toContainEqual(expect.stringMatching(/^headline derived from the lead/))

  const corrected = convertArticle(text, {name: 'storm.txt', now: NOW, title: 'Storm shuts ports'})
  expect(corrected.documents.article).toMatchObject({
    _id: 'article-storm',
    title: 'Storm shuts ports',
    slug: {current: 'storm-shuts-ports'},
  })
  expect(corrected.notes).toStrictEqual([])
})
