import {expect, test, vi} from 'vitest'

import {generateCorpus} from '../corpus/generateCorpus'
import {convertSource} from '../importer/convert/convertSource'
import {bytesOf, importFixtures} from './fixtures/import'

const OPTIONS = {importedAt: '2024-08-16T08:00:00.000Z', importerVersion: '0.0.0-test'}

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
