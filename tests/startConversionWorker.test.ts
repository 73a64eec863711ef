import {mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {basename, join} from 'node:path'

import {afterAll, beforeAll, describe, expect, test} from 'vitest'

import {generateCorpus} from '../corpus/generateCorpus'
import {clientTarget, ndjsonExportTarget} from '../importer'
import {readSourceFile} from '../importer/cli/readSourceFile'
import {
  type ConversionWorker,
  inChunks,
  startConversionWorker,
} from '../importer/cli/startConversionWorker'
import {convertSource} from '../importer/convert/convertSource'
import {ARTICLE_BODY, isSplitArticle, joinDocuments} from '../importer/documents/articleBody'
import {
  type ConvertedSource,
  type ImportDependencies,
  type ImportOptions,
  runImport,
} from '../importer/run/runImport'
import {ImportError} from '../importer/shared/ImportError'
import {localClient, startLake} from '../lake'
import {PURE_RULES} from '../schemas/rules'
import {schemaTypes} from '../schemas/schemaTypes'
import type {Validator} from '../validation'
import {createScreenedValidator} from '../validation/fast/createScreenedValidator'
import {loadStudioRules} from '../validation/fast/studioRules'
import {bytesOf, importFixtures} from './fixtures/import'
import {collect} from './support/collect'

const PROVENANCE = {importedAt: '2024-08-17T00:00:00.000Z', importerVersion: 'test'}

let folder: string
let worker: ConversionWorker
let splitting: ConversionWorker
let prescreening: ConversionWorker

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'newsroom-worker-'))
  worker = startConversionWorker()
  splitting = startConversionWorker({splitArticles: true})
  prescreening = startConversionWorker({splitArticles: true, prescreen: true})
})
afterAll(() => Promise.all([worker.close(), splitting.close(), prescreening.close()]))

/** Writes files into a fresh folder; returns their paths, in order. */
async function written(files: {fileName: string; bytes: Uint8Array}[]): Promise<string[]> {
  const into = await mkdtemp(join(folder, 'sources-'))
  // Numbered, so fixtures of one name stay apart; the ending is kept, as it says Markdown or not.
  const paths = files.map(({fileName}, index) => join(into, `${index}-${basename(fileName)}`))
  for (const [index, {bytes}] of files.entries()) await writeFile(paths[index] ?? '', bytes)
  return paths
}

/** What a worker's conversions hold, in the shape {@link convertedHere} gives, articles whole. */
function shown(converted: ConvertedSource[]) {
  return converted.map(({conversion, error, bytes}) =>
    conversion
      ? {
          bytes,
          conversion: {
            fileName: conversion.fileName,
            documents: joinDocuments(conversion.documents),
            notes: conversion.notes,
            title: conversion.structured.title,
          },
        }
      : {error},
  )
}

/** What converting a file here gives: the documents, notes and title, or the reason. */
async function convertedHere(path: string) {
  try {
    const bytes = await readSourceFile(path)
    const {fileName, documents, notes, structured} = convertSource(bytes, {
      fileName: path,
      ...PROVENANCE,
    })
    return {
      bytes: bytes.byteLength,
      conversion: {fileName, documents, notes, title: structured.title},
    }
  } catch (error) {
    if (error instanceof ImportError) return {error: error.message}
    throw error
  }
}

describe('startConversionWorker', () => {
  test('startConversionWorker: converts every import fixture as convertSource does, in order', async () => {
    const paths = await written(
      importFixtures.map((fixture) => ({fileName: fixture.fileName, bytes: bytesOf(fixture)})),
    )
    // Asked all at once, answered in the order asked.
    const fromWorker = await Promise.all(paths.map((path) => worker.convert(path, PROVENANCE)))
    const fromSplitting = await Promise.all(
      paths.map((path) => splitting.convert(path, PROVENANCE)),
    )
    const here = await Promise.all(paths.map(convertedHere))
    const converted = fromWorker.flatMap(({conversion}) => (conversion ? [conversion] : []))
    expect(converted.some(({documents}) => isSplitArticle(documents.article))).toBe(false)
    expect(shown(fromWorker)).toEqual(here)
    expect(shown(fromSplitting)).toEqual(here)
    expect(here.filter((result) => 'error' in result).length).toBeGreaterThan(0)
  })

  test('startConversionWorker: a missing file gives the reason readSourceFile gives', async () => {
    const missing = join(folder, 'nope.txt')
    expect(await worker.convert(missing, PROVENANCE)).toEqual({
      bytes: 0,
      error: `${missing}: no such file or folder`,
    })
  })

  test('startConversionWorker: once closed, it refuses every conversion', async () => {
    const [path = ''] = await written([
      {fileName: 'floods.txt', bytes: new TextEncoder().encode(FLOODS.join('\n'))},
    ])
    const closing = startConversionWorker()
    await closing.close()
    await expect(closing.convert(path, PROVENANCE)).rejects.toThrow('conversion worker closed')
  })

  test('runImport: with the worker as converter, the outcomes and writes are those made here', async () => {
    const paths = await written(
      [...generateCorpus(60)].map(({fileName, text}) => ({
        fileName,
        bytes: new TextEncoder().encode(text),
      })),
    )
    const run = async (converter?: ConversionWorker) => {
      const output = join(await mkdtemp(join(folder, 'out-')), 'export.ndjson')
      const dependencies: ImportDependencies = {
        readSource: readSourceFile,
        ...(converter ? {converter} : {}),
        validate: async (documents) =>
          documents.map(({_id, _type}) => ({documentId: _id, documentType: _type, issues: []})),
        target: ndjsonExportTarget(output),
        now: () => PROVENANCE.importedAt,
        importerVersion: PROVENANCE.importerVersion,
        batch: {files: 7},
      }
      const result = await runImport(paths, {}, dependencies)
      return {outcomes: await collect(result.outcomes), output: await readFile(output, 'utf8')}
    }
    const here = await run()
    expect(await run(worker)).toEqual(here)
    expect(await run(splitting)).toEqual(here)
    expect(here.outcomes.map(({status}) => status)).toEqual(Array(60).fill('created'))
  })

  test('runImport: with articles screened in the worker, the outcomes, writes and validations are those made here', async () => {
    const fixtures = importFixtures.map((fixture) => ({
      fileName: fixture.fileName,
      bytes: bytesOf(fixture),
    }))
    const corpus = [...generateCorpus(40)].map(({fileName, text}) => ({
      fileName,
      bytes: new TextEncoder().encode(text),
    }))
    // The same article twice: the second's slug is taken, so it changes and is screened again.
    const paths = await written([...fixtures, ...corpus, ...corpus.slice(0, 3)])
    const rules = loadStudioRules(schemaTypes)
    const run = async (converter?: ConversionWorker) => {
      const validated: string[] = []
      // Stands in for Sanity: every document it is asked about gets one error.
      const sanity: Validator = {
        validate: async (documents) => {
          validated.push(...documents.map(({_id}) => _id))
          return documents.map(({_id, _type}) => ({
            documentId: _id,
            documentType: _type,
            issues: [{level: 'error', message: `Sanity flags ${_id}`, path: [], field: ''}],
          }))
        },
        close: async () => {},
      }
      const validator = createScreenedValidator({
        rules,
        pureRules: PURE_RULES,
        startSanity: async () => sanity,
      })
      const output = join(await mkdtemp(join(folder, 'out-')), 'export.ndjson')
      const result = await runImport(
        paths,
        {},
        {
          readSource: readSourceFile,
          ...(converter ? {converter} : {}),
          validate: validator.validate,
          target: ndjsonExportTarget(output),
          now: () => PROVENANCE.importedAt,
          importerVersion: PROVENANCE.importerVersion,
          batch: {files: 9},
        },
      )
      const outcomes = await collect(result.outcomes)
      const exported = await readFile(output, 'utf8')
      return {outcomes, exported, validated: validated.sort(), counts: validator.counts()}
    }
    const here = await run()
    expect(await run(prescreening)).toEqual(here)
    const statuses = new Set(here.outcomes.map(({status}) => status))
    expect([...statuses].sort()).toEqual(['created', 'failed', 'review'])
    expect(here.counts.passed).toBeGreaterThan(100)
    // The twins are for review; the articles Sanity flagged are too, with its markers.
    expect(here.outcomes.slice(-3).map(({status}) => status)).toEqual(Array(3).fill('review'))
    expect(here.validated.length).toBeGreaterThan(10)
  })

  test('startConversionWorker: sends the article split, its body as JSON bytes and its headings', async () => {
    const [path = ''] = await written([
      {fileName: 'floods.txt', bytes: new TextEncoder().encode(FLOODS.join('\n'))},
    ])
    const {conversion} = await splitting.convert(path, PROVENANCE)
    const article = conversion?.documents.article
    if (!article || !isSplitArticle(article)) throw new Error('expected a split article')
    expect(article).not.toHaveProperty('sections')
    expect(article.source).not.toHaveProperty('text')
    expect(article[ARTICLE_BODY].headings).toEqual([null, 'Roads reopen'])
    expect(new TextDecoder().decode(article[ARTICLE_BODY].json)).toMatch(/^"sections":\[/)
  })

  test('runImport: with the worker, a lake gets the documents made here: created, patched, renamed for a taken slug, all or nothing', async () => {
    const corpus = [...generateCorpus(30)].map(({fileName, text}) => ({
      fileName,
      bytes: new TextEncoder().encode(text),
    }))
    const paths = await written(corpus)
    // The same article under another file name: its slug is taken, so it is renamed for review.
    const [twin = ''] = await written(
      corpus.slice(0, 1).map((file) => ({...file, fileName: 'twin.txt'})),
    )
    const run = async (data: string, converter?: ConversionWorker, options: ImportOptions = {}) => {
      const lake = await startLake({data, port: 0})
      const client = localClient(lake.url)
      try {
        const result = await runImport(options.strict ? paths : [...paths, twin], options, {
          readSource: readSourceFile,
          ...(converter ? {converter} : {}),
          target: clientTarget(client, lake.url),
          now: () => PROVENANCE.importedAt,
          importerVersion: PROVENANCE.importerVersion,
          batch: {files: 7},
        })
        const outcomes = (await collect(result.outcomes)).map(({status}) => status)
        const stored = await client.fetch<Record<string, unknown>[]>('*[] | order(_id asc)')
        // The lake's own stamps differ between lakes; the content must not.
        const documents = stored.map(({_rev, _createdAt, _updatedAt, ...document}) => document)
        return {outcomes, documents}
      } finally {
        await lake.close()
      }
    }
    const lakeFile = async (name: string) =>
      join(await mkdtemp(join(folder, `${name}-`)), 'production.ndjson')
    const [dataHere, dataThere] = [await lakeFile('here'), await lakeFile('there')]
    const createdHere = await run(dataHere)
    expect(await run(dataThere, splitting)).toEqual(createdHere)
    expect(createdHere.outcomes).toEqual([...Array(30).fill('created'), 'review'])

    // Every article's source changes, so the second runs patch what the first stored.
    for (const path of [...paths, twin])
      await writeFile(path, `${await readFile(path, 'utf8')}\n\nCorrection.`)
    const patchedHere = await run(dataHere)
    expect(await run(dataThere, splitting)).toEqual(patchedHere)
    expect(patchedHere.outcomes.slice(0, 30)).toEqual(Array(30).fill('updated'))
    expect(JSON.stringify(patchedHere.documents)).toContain('Correction.')

    // All or nothing: the writes wait in a spool until every file has passed.
    const strictHere = await run(await lakeFile('strict-here'), undefined, {strict: true})
    const strict = await run(await lakeFile('strict-there'), splitting, {strict: true})
    expect(strict).toEqual(strictHere)
    expect(strictHere.documents.length).toBeGreaterThan(30)
  })
})

describe('inChunks', () => {
  /** A worker that answers each chunk when told to, recording the files of each. */
  function heldWorker() {
    const chunks: string[][] = []
    const answers: (() => void)[] = []
    const send = (payload: {files: {fileName: string}[]}) => {
      chunks.push(payload.files.map(({fileName}) => fileName))
      return new Promise<(ConvertedSource | Error)[]>((resolve) => {
        answers.push(() =>
          resolve(
            payload.files
              // A file named `unanswered…` gets no reply: the chunk's answer comes up short.
              .filter(({fileName}) => !fileName.startsWith('unanswered'))
              .map(({fileName}) =>
                fileName.startsWith('broken')
                  ? new Error(`${fileName} broke`)
                  : {bytes: 1, error: fileName},
              ),
          ),
        )
      })
    }
    return {send, chunks, answer: () => answers.shift()?.()}
  }
  const bytes = new Uint8Array(1)
  const settled = () => new Promise((resolve) => setImmediate(resolve))

  test('inChunks: files asked for together go a chunk to a message, in order', async () => {
    const worker = heldWorker()
    const convert = inChunks(worker, 4)
    const names = Array.from({length: 10}, (_, index) => `${index}.txt`)
    const converted = names.map((name) => convert(bytes, name, PROVENANCE))
    await settled()
    // Two chunks keep the worker busy; the last two files wait until it runs short.
    expect(worker.chunks).toEqual([names.slice(0, 4), names.slice(4, 8)])
    worker.answer()
    worker.answer()
    await Promise.all(converted.slice(0, 8))
    await settled()
    expect(worker.chunks.at(-1)).toEqual(names.slice(8))
    worker.answer()
    expect((await Promise.all(converted)).map(({error}) => error)).toEqual(names)
  })

  test('inChunks: while the worker is busy, files wait for a full chunk or the worker to run short', async () => {
    const worker = heldWorker()
    const convert = inChunks(worker, 4)
    const first = Array.from({length: 4}, (_, index) => convert(bytes, `a${index}.txt`, PROVENANCE))
    await settled()
    // The worker has a chunk to convert: a lone file waits for company.
    const lone = convert(bytes, 'lone.txt', PROVENANCE)
    await settled()
    expect(worker.chunks).toEqual([['a0.txt', 'a1.txt', 'a2.txt', 'a3.txt']])
    // Once the worker has answered, it has nothing left: the lone file goes at once.
    worker.answer()
    await Promise.all(first)
    await settled()
    expect(worker.chunks.at(-1)).toEqual(['lone.txt'])
    worker.answer()
    expect(await lone).toEqual({bytes: 1, error: 'lone.txt'})
  })

  test('inChunks: a file whose conversion broke, or that got no answer, is refused; the rest of its chunk is answered', async () => {
    const worker = heldWorker()
    const convert = inChunks(worker, 4)
    const good = convert(bytes, 'good.txt', PROVENANCE)
    const broken = convert(bytes, 'broken.txt', PROVENANCE)
    const unanswered = convert(bytes, 'unanswered.txt', PROVENANCE)
    await settled()
    expect(worker.chunks).toEqual([['good.txt', 'broken.txt', 'unanswered.txt']])
    worker.answer()
    expect(await good).toEqual({bytes: 1, error: 'good.txt'})
    await expect(broken).rejects.toThrow('broken.txt broke')
    await expect(unanswered).rejects.toThrow('the conversion worker left a file unanswered')
  })
})

const FLOODS = [
  'Floods close the ring road',
  '',
  'Water rose overnight across the valley.',
  '',
  'Roads reopen',
  '',
  'The ring road reopened at noon.',
]
