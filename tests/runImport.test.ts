import {mkdtemp, readFile, readdir, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {describe, expect, test} from 'vitest'

import {ndjsonExportTarget, runImport} from '../importer'
import {fileSpool} from '../importer/cli/fileSpool'
import {isArticleWrite} from '../importer/run/isArticleWrite'
import {readSourceFile} from '../importer/cli/readSourceFile'
import type {ArticleWrite} from '../importer/plan/planImport'
import type {ImportDependencies, ImportOptions} from '../importer/run/runImport'
import {generateArticles} from '../bench/generateArticles'
import {collect} from './support/collect'

const NOW = '2024-08-17T00:00:00.000Z'

/** Every document passes: these tests are about batching, not the schema. */
const passAll: ImportDependencies['validate'] = async (documents) =>
  documents.map(({_id, _type}) => ({documentId: _id, documentType: _type, issues: []}))

async function sourcesFolder(files: {fileName: string; text: string}[]): Promise<string[]> {
  const folder = await mkdtemp(join(tmpdir(), 'newsroom-run-'))
  for (const {fileName, text} of files) await writeFile(join(folder, fileName), text)
  return files.map(({fileName}) => join(folder, fileName))
}

async function importInBatches(
  files: string[],
  batch: {files?: number; bytes?: number},
  options: ImportOptions = {},
) {
  const output = join(await mkdtemp(join(tmpdir(), 'newsroom-out-')), 'export.ndjson')
  const batches: number[] = []
  const result = await runImport(files, options, {
    readSource: readSourceFile,
    validate: async (documents, dataset) => {
      batches.push(documents.length)
      return passAll(documents, dataset)
    },
    target: ndjsonExportTarget(output),
    now: () => NOW,
    importerVersion: 'test',
    batch,
  })
  const written = result.written ? await readFile(output, 'utf8') : ''
  return {
    written: result.written,
    outcomes: await collect(result.outcomes),
    output: written,
    batches,
  }
}

describe('runImport in batches', () => {
  test('runImport: batches of 7 write what one batch writes, and report the same', async () => {
    const files = await sourcesFolder(generateArticles(30))
    const one = await importInBatches(files, {files: 100})
    const many = await importInBatches(files, {files: 7})
    expect(one.batches).toHaveLength(1)
    expect(many.batches).toHaveLength(5)
    expect(many.output).toBe(one.output)
    expect(many.output.split('\n').filter(Boolean).length).toBeGreaterThan(30)
    expect(many.outcomes).toEqual(one.outcomes)
  })

  test('runImport: a batch ends at its byte budget, however few files it has', async () => {
    const files = await sourcesFolder(generateArticles(6))
    const {batches, outcomes} = await importInBatches(files, {files: 100, bytes: 1})
    expect(batches).toHaveLength(6)
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(6).fill('created'))
  })

  test('runImport: two files with one slug are both imported; the later one gets its own slug, for review', async () => {
    const files = await sourcesFolder([
      {fileName: 'a.txt', text: '# Floods close the ring road\n\nWater rose overnight.\n\nAFP'},
      {fileName: 'b.txt', text: 'Rain stopped.\n\nReuters'},
      {fileName: 'c.txt', text: '# Floods close the ring road\n\nThe road reopened.\n\nAFP'},
    ])
    const {written, output, outcomes} = await importInBatches(files, {files: 2})
    expect(written).toBe(true)
    const [a, b, c] = outcomes
    expect([a?.status, b?.status, c?.status]).toEqual(['created', 'created', 'review'])
    expect(c?.article?.id).toBe('drafts.article-c')
    expect(c?.review).toEqual([
      'Slug: "floods-close-the-ring-road" is already the slug of article-a, so this article\'s slug is "floods-close-the-ring-road-2"; check it before publishing.',
    ])
    const slugs = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((document) => document._type === 'article')
      .map((document) => [document._id, document.slug.current])
    expect(slugs).toEqual([
      ['article-a', 'floods-close-the-ring-road'],
      ['article-b', 'rain-stopped'],
      ['drafts.article-c', 'floods-close-the-ring-road-2'],
    ])
  })

  test('runImport: a bad file fails alone; with strict, nothing from earlier batches is written', async () => {
    const files = await sourcesFolder([
      ...generateArticles(5),
      {fileName: 'empty.txt', text: '   \n'},
    ])
    const statuses = ['created', 'created', 'created', 'created', 'created', 'failed']
    const lenient = await importInBatches(files, {files: 2})
    expect(lenient.written).toBe(true)
    expect(lenient.outcomes.map((outcome) => outcome.status)).toEqual(statuses)
    const strict = await importInBatches(files, {files: 2}, {strict: true})
    expect(strict.written).toBe(false)
    expect(strict.output).toBe('')
    expect(strict.outcomes.map((outcome) => outcome.status)).toEqual(statuses)
  })
})

test('fileSpool: gives back what was appended, in order, and removes its folder', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'newsroom-spool-'))
  const spool = fileSpool(isArticleWrite, directory)
  const write = (id: string): ArticleWrite => ({
    article: {
      _id: id,
      _type: 'article',
      title: `Title “${id}”`,
      slug: {_type: 'slug', current: id},
      byline: {_type: 'byline', authors: [], agencies: []},
      sections: [],
    },
    createIfMissing: [],
  })
  await spool.append([])
  expect(await readdir(directory)).toEqual([])
  await spool.append([write('article-a'), write('article-b')])
  await spool.append([write('article-c')])
  const read = []
  for await (const item of spool.read()) read.push(item.article._id)
  expect(read).toEqual(['article-a', 'article-b', 'article-c'])
  await spool.dispose()
  expect(await readdir(directory)).toEqual([])
})
