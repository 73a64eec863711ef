import {mkdtemp, readFile, readdir, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {describe, expect, test} from 'vitest'

import {ndjsonExportTarget, runImport} from '../importer'
import {fileSpool} from '../importer/cli/fileSpool'
import {isArticleWrite} from '../importer/run/isArticleWrite'
import {readSourceFile} from '../importer/cli/readSourceFile'
import type {ArticleWrite} from '../importer/plan/planImport'
import type {ImportDependencies} from '../importer/run/runImport'
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

async function importInBatches(files: string[], batch: {files?: number; bytes?: number}) {
  const output = join(await mkdtemp(join(tmpdir(), 'newsroom-out-')), 'export.ndjson')
  const batches: number[] = []
  const result = await runImport(
    files,
    {},
    {
      readSource: readSourceFile,
      validate: async (documents, dataset) => {
        batches.push(documents.length)
        return passAll(documents, dataset)
      },
      target: ndjsonExportTarget(output),
      now: () => NOW,
      importerVersion: 'test',
      batch,
    },
  )
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

  test('runImport: two files with one slug both fail, even in different batches', async () => {
    const files = await sourcesFolder([
      {fileName: 'a.txt', text: '# Floods close the ring road\n\nWater rose overnight.\n\nAFP'},
      {fileName: 'b.txt', text: 'Rain stopped.\n\nReuters'},
      {fileName: 'c.txt', text: '# Floods close the ring road\n\nThe road reopened.\n\nAFP'},
    ])
    const {written, output, outcomes} = await importInBatches(files, {files: 2})
    expect(written).toBe(false)
    expect(output).toBe('')
    const [a, b, c] = outcomes
    expect(a?.status).toBe('failed')
    expect(c?.status).toBe('failed')
    expect(a?.errors).toEqual([
      `slug "floods-close-the-ring-road" is also the slug of ${files[2]}; give each article a slug of its own`,
    ])
    expect(b?.status).toBe('created')
  })

  test('runImport: a bad file in the last batch means nothing from earlier batches is written', async () => {
    const files = await sourcesFolder([
      ...generateArticles(5),
      {fileName: 'empty.txt', text: '   \n'},
    ])
    const {written, output, outcomes} = await importInBatches(files, {files: 2})
    expect(written).toBe(false)
    expect(output).toBe('')
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'created',
      'created',
      'created',
      'created',
      'created',
      'failed',
    ])
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
