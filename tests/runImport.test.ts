import {mkdtemp, readdir, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import type {SanityDocument} from '@sanity/client'
import {describe, expect, test} from 'vitest'

import {generateCorpus} from '../corpus/generateCorpus'
import {clientTarget, type ImportTarget, ndjsonExportTarget, runImport} from '../importer'
import {fileSpool} from '../importer/cli/fileSpool'
import {readSourceFile} from '../importer/cli/readSourceFile'
import type {ArticleWrite} from '../importer/plan/planImport'
import {isArticleWrite} from '../importer/plan/planImport'
import type {Validate} from '../importer/run/decideFiles'
import {
  type FileOutcome,
  type ImportDependencies,
  type ImportOptions,
  NOT_WRITTEN,
} from '../importer/run/runImport'
import {memorySpool} from '../importer/run/spool'
import {localClient, startLake} from '../lake'
import {collect} from './support/collect'
import {importSources} from './support/importSources'
import {recordingTarget} from './support/recordingTarget'

const NOW = '2024-08-17T00:00:00.000Z'

/** Every document passes: these tests are about batching, not the schema. */
const passAll: Validate = async (documents) =>
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
    const files = await sourcesFolder([...generateCorpus(30)])
    const one = await importInBatches(files, {files: 100})
    const many = await importInBatches(files, {files: 7})
    expect(one.batches).toHaveLength(1)
    expect(many.batches).toHaveLength(5)
    expect(many.output).toBe(one.output)
    expect(many.output.split('\n').filter(Boolean).length).toBeGreaterThan(30)
    expect(many.outcomes).toEqual(one.outcomes)
  })

  test('runImport: a batch ends at its byte budget, however few files it has', async () => {
    const files = await sourcesFolder([...generateCorpus(6)])
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
      ...[...generateCorpus(5)],
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

/** A stored dataset, and what an editor does to it while the import reads it. */
type Store = Map<string, SanityDocument>

/**
 * A dataset in memory that writes as the Content Lake does, one transaction per article: a
 * `create` finds no document under its id, a replacement finds the revision it read, or the
 * article is left alone and reported kept; an aborted run writes nothing and reports it.
 */
function memoryTarget(store: Store, edit: (store: Store) => void): ImportTarget {
  return {
    description: 'memory',
    load: async (ids) => {
      const loaded = ids.flatMap((id) => [store.get(id), store.get(`drafts.${id}`)])
      edit(store)
      return loaded.filter((document) => document !== undefined)
    },
    slugOwners: async () => new Map(),
    commit: async (writes, timestamp, signal) => {
      const kept = new Set<string>()
      const unwritten = new Set<string>()
      for await (const {article, createIfMissing, ifRevisionID} of writes) {
        const existing = store.get(article._id)
        if (signal?.aborted) unwritten.add(article._id)
        else if (ifRevisionID === undefined ? existing : existing?._rev !== ifRevisionID)
          kept.add(article._id)
        else {
          const stamp = {_createdAt: timestamp, _updatedAt: timestamp, _rev: 'import'}
          for (const document of createIfMissing)
            if (!store.has(document._id)) store.set(document._id, {...document, ...stamp})
          store.set(article._id, {...article, ...stamp})
        }
      }
      return {kept, unwritten}
    },
  }
}

const FLOODS = '# Floods close the ring road\n\nWater rose overnight.\n\nAFP'
const EDITED = 'Edited during the import'
const EDITED_NOTE = 'was edited while the import ran; left as the editor saved it'

/** The stored article, imported earlier from FLOODS: published, and with a draft when asked. */
function storedFloods(withDraft: boolean): Store {
  const [article] = importSources([
    {fileName: 'floods.txt', bytes: new TextEncoder().encode(FLOODS)},
  ])
  if (!article) throw new Error('no article imported')
  const store: Store = new Map([[article._id, article]])
  if (withDraft) store.set(`drafts.${article._id}`, {...article, _id: `drafts.${article._id}`})
  return store
}

/** The editor opens the published article in the Studio: its draft appears, with the change. */
function opensPublished(store: Store) {
  const published = store.get('article-floods')
  if (published)
    store.set('drafts.article-floods', {
      ...published,
      _id: 'drafts.article-floods',
      title: EDITED,
      _rev: 'editor',
    })
}

/** The editor changes the draft the import read. */
function changesDraft(store: Store) {
  const draft = store.get('drafts.article-floods')
  if (draft) store.set(draft._id, {...draft, title: EDITED, _rev: 'editor'})
}

/** Validation that finds the headline breaks a rule, so the article is written for review. */
const failsHeadline: Validate = async (documents) =>
  documents.map(({_id, _type}) => ({
    documentId: _id,
    documentType: _type,
    issues:
      _type === 'article'
        ? [{level: 'error' as const, message: 'Too long.', path: ['title'], field: 'Headline'}]
        : [],
  }))

describe('runImport: an article edited while the import runs is kept, under the id being written', () => {
  test.each([
    {
      name: '1. --drafts; the editor opens it',
      input: {draft: false, options: {drafts: true}, edit: opensPublished, validate: passAll},
      output: {status: 'kept', review: [], notes: [EDITED_NOTE], draftTitle: EDITED},
    },
    {
      name: '2. --drafts; its draft is changed',
      input: {draft: true, options: {drafts: true}, edit: changesDraft, validate: passAll},
      output: {status: 'kept', review: [], notes: [EDITED_NOTE], draftTitle: EDITED},
    },
    {
      name: '3. over its draft, which is changed',
      input: {draft: true, options: {}, edit: changesDraft, validate: passAll},
      output: {status: 'kept', review: [], notes: [EDITED_NOTE], draftTitle: EDITED},
    },
    {
      name: '4. for review; the editor opens it',
      input: {draft: false, options: {}, edit: opensPublished, validate: failsHeadline},
      output: {status: 'kept', review: [], notes: [EDITED_NOTE], draftTitle: EDITED},
    },
    {
      name: '5. --drafts, no edit: draft written',
      input: {draft: false, options: {drafts: true}, edit: () => {}, validate: passAll},
      output: {
        status: 'updated',
        review: [],
        notes: ['imported as a draft'],
        draftTitle: 'Floods close the ring road',
      },
    },
  ])('runImport: $name', async ({input, output}) => {
    const store = storedFloods(input.draft)
    const result = await runImport(['floods.txt'], input.options, {
      readSource: async () => new TextEncoder().encode(FLOODS.replace('overnight', 'at dawn')),
      validate: input.validate,
      target: memoryTarget(store, input.edit),
      now: () => NOW,
      importerVersion: 'test',
    })
    const [outcome] = await collect(result.outcomes)
    expect(outcome?.article?.id).toBe('drafts.article-floods')
    expect({status: outcome?.status, review: outcome?.review, notes: outcome?.notes}).toEqual({
      status: output.status,
      review: output.review,
      notes: output.notes,
    })
    expect(store.get('drafts.article-floods')?.['title']).toBe(output.draftTitle)
    expect(store.get('article-floods')?.['title']).toBe('Floods close the ring road')
  })

  test('runImport: an interrupted --drafts run reports the draft not written, and claims no write', async () => {
    const store = storedFloods(false)
    const result = await runImport(
      ['floods.txt'],
      {drafts: true},
      {
        readSource: async () => new TextEncoder().encode(FLOODS.replace('overnight', 'at dawn')),
        validate: passAll,
        target: memoryTarget(store, () => {}),
        now: () => NOW,
        importerVersion: 'test',
        signal: AbortSignal.abort(),
      },
    )
    const [outcome] = await collect(result.outcomes)
    expect(outcome).toMatchObject({status: 'failed', notes: [], errors: [NOT_WRITTEN]})
    expect(store.has('drafts.article-floods')).toBe(false)
  })
})

test('runImport: two runs interleaved in one process give what each gives alone', async () => {
  const articles = [...generateCorpus(24)]
  const first = await sourcesFolder(articles.slice(0, 12))
  const second = await sourcesFolder([...articles.slice(6, 24)].reverse())
  const aloneFirst = await importInBatches(first, {files: 5})
  const aloneSecond = await importInBatches(second, {files: 5})
  const [together1, together2] = await Promise.all([
    importInBatches(first, {files: 5}),
    importInBatches(second, {files: 5}),
  ])
  expect(together1).toEqual(aloneFirst)
  expect(together2).toEqual(aloneSecond)
  expect(aloneFirst.output).not.toBe('')
})

test('runImport: a standfirst dropped from the source is removed from the article, and the next run finds it unchanged', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'newsroom-unset-'))
  const source = join(folder, 'floods.txt')
  const body = ['title: Floods close the ring road', '---', 'Water rose overnight.', '', 'AFP']
  const lake = await startLake({data: join(folder, 'production.ndjson'), port: 0})
  const client = localClient(lake.url)
  const run = async () => {
    const result = await runImport(
      [source],
      {},
      {
        readSource: readSourceFile,
        validate: passAll,
        target: clientTarget(client, lake.url),
        now: () => NOW,
        importerVersion: 'test',
      },
    )
    return (await collect(result.outcomes)).map((outcome) => outcome.status)
  }
  try {
    await writeFile(source, ['---', 'standfirst: The water rose a metre.', ...body].join('\n'))
    expect(await run()).toEqual(['created'])
    expect((await client.getDocument('article-floods'))?.['standfirst']).toBe(
      'The water rose a metre.',
    )

    await writeFile(source, ['---', ...body].join('\n'))
    expect(await run()).toEqual(['updated'])
    const article = await client.getDocument('article-floods')
    expect(article?.['title']).toBe('Floods close the ring road')
    expect(article?.['standfirst']).toBeUndefined()

    expect(await run()).toEqual(['unchanged'])
  } finally {
    await lake.close()
  }
})

test('runImport: interrupted while converting, it reads no more files, writes nothing and reports every file not written', async () => {
  const files = await sourcesFolder([...generateCorpus(6)])
  const interrupt = new AbortController()
  const read: string[] = []
  const output = join(await mkdtemp(join(tmpdir(), 'newsroom-out-')), 'export.ndjson')
  const result = await runImport(
    files,
    {},
    {
      readSource: async (fileName) => {
        read.push(fileName)
        // Ctrl-C while the fourth file is read: the first batch of two is decided by then.
        if (read.length === 4) interrupt.abort()
        return readSourceFile(fileName)
      },
      validate: passAll,
      target: ndjsonExportTarget(output),
      now: () => NOW,
      importerVersion: 'test',
      batch: {files: 2},
      signal: interrupt.signal,
    },
  )
  expect(read).toEqual(files.slice(0, 4))
  expect(result.written).toBe(false)
  const outcomes = await collect(result.outcomes)
  expect(outcomes.map(({fileName, status, errors}) => ({fileName, status, errors}))).toEqual(
    files.map((fileName) => ({fileName, status: 'failed', errors: [NOT_WRITTEN]})),
  )
  await expect(readFile(output, 'utf8')).rejects.toMatchObject({code: 'ENOENT'})
})

/** Source files by name, read from memory. */
function sourcesIn(texts: Record<string, string>): ImportDependencies['readSource'] {
  return async (fileName) => {
    const text = texts[fileName]
    if (text === undefined) throw new Error(`readSource: no file ${fileName}`)
    return new TextEncoder().encode(text)
  }
}

const RAIN = 'Rain stopped.\n\nReuters'
const RAIN_NOTE = 'headline derived from the lead, review it: "Rain stopped"'
const RAIN_SUMMARY = {
  title: 'Rain stopped',
  titleDerived: true,
  sections: [null],
  authors: [],
  agencies: ['Reuters'],
}
const EMPTY = '   \n'

interface WriteCase {
  name: string
  input: {options: ImportOptions; texts: Record<string, string>; stored: SanityDocument[]}
  /** The files' statuses, whether the run wrote, and the articles of each commit. */
  output: {statuses: FileOutcome['status'][]; written: boolean; commits: string[][]}
}

describe('runImport: what is written', () => {
  test.each<WriteCase>([
    {
      name: '1. a file fails: the others are written',
      input: {options: {}, texts: {'a.txt': FLOODS, 'empty.txt': EMPTY}, stored: []},
      output: {statuses: ['created', 'failed'], written: true, commits: [['article-a']]},
    },
    {
      name: '2. strict, and a file fails: nothing is written',
      input: {options: {strict: true}, texts: {'a.txt': FLOODS, 'empty.txt': EMPTY}, stored: []},
      output: {statuses: ['created', 'failed'], written: false, commits: []},
    },
    {
      name: '3. strict and keepGoing, and a file fails: the others are written',
      input: {
        options: {strict: true, keepGoing: true},
        texts: {'a.txt': FLOODS, 'empty.txt': EMPTY},
        stored: [],
      },
      output: {statuses: ['created', 'failed'], written: true, commits: [['article-a']]},
    },
    {
      name: '4. strict, and every file passes: all are written',
      input: {options: {strict: true}, texts: {'a.txt': FLOODS, 'b.txt': RAIN}, stored: []},
      output: {
        statuses: ['created', 'created'],
        written: true,
        commits: [['article-a', 'article-b']],
      },
    },
    {
      name: '5. a dry run writes nothing',
      input: {options: {dryRun: true}, texts: {'a.txt': FLOODS}, stored: []},
      output: {statuses: ['created'], written: false, commits: []},
    },
    {
      name: '6. nothing changed: nothing is written',
      input: {
        options: {},
        texts: {'a.txt': FLOODS},
        stored: importSources([{fileName: 'a.txt', bytes: new TextEncoder().encode(FLOODS)}]),
      },
      output: {statuses: ['unchanged'], written: false, commits: []},
    },
  ])('runImport: $name', async ({input, output}) => {
    const {target, commits} = recordingTarget(input.stored)
    const result = await runImport(Object.keys(input.texts), input.options, {
      readSource: sourcesIn(input.texts),
      validate: passAll,
      target,
      now: () => NOW,
      importerVersion: 'test',
    })
    const outcomes = await collect(result.outcomes)
    expect(outcomes.map((outcome) => outcome.status)).toEqual(output.statuses)
    expect(result.written).toBe(output.written)
    expect(commits).toEqual(output.commits)
  })

  test('runImport: progress is reported after each file, as (files done, total), and a full batch is not followed by an empty one', async () => {
    const {target, loads} = recordingTarget()
    const progress: [number, number][] = []
    await runImport(
      ['a.txt', 'b.txt'],
      {},
      {
        readSource: sourcesIn({'a.txt': FLOODS, 'b.txt': RAIN}),
        validate: passAll,
        target,
        now: () => NOW,
        importerVersion: 'test',
        batch: {files: 2},
        onProgress: (done, total) => progress.push([done, total]),
      },
    )
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ])
    expect(loads).toEqual([['article-a', 'article-b']])
  })

  test('runImport: a file that fails to read other than as an ImportError stops the run', async () => {
    const run = runImport(
      ['a.txt'],
      {},
      {
        readSource: async () => {
          throw new Error('readSource: the disk is gone')
        },
        validate: passAll,
        target: recordingTarget().target,
        now: () => NOW,
        importerVersion: 'test',
      },
    )
    await expect(run).rejects.toThrow('readSource: the disk is gone')
  })

  test('runImport: a second file producing one article id fails, naming the first', async () => {
    const {target, commits} = recordingTarget()
    const result = await runImport(
      ['a/floods.txt', 'b/floods.txt'],
      {},
      {
        readSource: sourcesIn({'a/floods.txt': FLOODS, 'b/floods.txt': RAIN}),
        validate: passAll,
        target,
        now: () => NOW,
        importerVersion: 'test',
      },
    )
    const [, second] = await collect(result.outcomes)
    expect(second).toStrictEqual({
      fileName: 'b/floods.txt',
      status: 'failed',
      review: [],
      notes: [],
      errors: ['b/floods.txt: article-floods is also produced by a/floods.txt; give one an id'],
    })
    expect(commits).toEqual([['article-floods']])
  })
})

describe('runImport: interrupted', () => {
  test('runImport: interrupted before writing, decided files that failed or were unchanged keep their outcome; the rest are not written', async () => {
    const interrupt = new AbortController()
    const texts = {
      'empty.txt': EMPTY,
      'floods.txt': FLOODS,
      'rain.txt': RAIN,
      'd.txt': RAIN,
      'e.txt': RAIN,
    }
    const stored = importSources([
      {fileName: 'floods.txt', bytes: new TextEncoder().encode(FLOODS)},
    ])
    const {target, commits} = recordingTarget(stored)
    const read = sourcesIn(texts)
    const result = await runImport(
      Object.keys(texts),
      {drafts: true},
      {
        readSource: async (fileName) => {
          // Ctrl-C while d.txt is read: the first batch of three is decided by then.
          if (fileName === 'd.txt') interrupt.abort()
          return read(fileName)
        },
        validate: passAll,
        target,
        now: () => NOW,
        importerVersion: 'test',
        batch: {files: 3},
        signal: interrupt.signal,
      },
    )
    expect(result.written).toBe(false)
    expect(commits).toEqual([])
    const outcomes = await collect(result.outcomes)
    expect(outcomes).toStrictEqual([
      {
        fileName: 'empty.txt',
        status: 'failed',
        review: [],
        notes: [],
        errors: ['empty.txt: file is empty or only whitespace'],
      },
      {
        fileName: 'floods.txt',
        status: 'unchanged',
        article: {
          id: 'article-floods',
          title: 'Floods close the ring road',
          titleDerived: false,
          sections: [null],
          authors: [],
          agencies: ['AFP'],
        },
        review: [],
        notes: [],
        errors: [],
      },
      {
        fileName: 'rain.txt',
        status: 'failed',
        article: {id: 'drafts.article-rain', ...RAIN_SUMMARY},
        review: [],
        notes: [RAIN_NOTE],
        errors: [NOT_WRITTEN],
      },
      {fileName: 'd.txt', status: 'failed', review: [], notes: [], errors: [NOT_WRITTEN]},
      {fileName: 'e.txt', status: 'failed', review: [], notes: [], errors: [NOT_WRITTEN]},
    ])
  })

  test('runImport: articles the target kept or did not write lose only the notes on how they were written', async () => {
    const {target} = recordingTarget([], {
      kept: ['drafts.article-c'],
      unwritten: ['drafts.article-d'],
    })
    const texts = {
      'c.txt': RAIN,
      'd.txt': 'Snow fell.\n\nReuters',
      'e.txt': 'Hail came.\n\nReuters',
    }
    const result = await runImport(
      Object.keys(texts),
      {drafts: true},
      {
        readSource: sourcesIn(texts),
        validate: passAll,
        target,
        now: () => NOW,
        importerVersion: 'test',
      },
    )
    expect(result.written).toBe(true)
    expect(await collect(result.outcomes)).toStrictEqual([
      {
        fileName: 'c.txt',
        status: 'kept',
        article: {id: 'drafts.article-c', ...RAIN_SUMMARY},
        review: [],
        notes: [RAIN_NOTE, EDITED_NOTE],
        errors: [],
      },
      {
        fileName: 'd.txt',
        status: 'failed',
        article: {id: 'drafts.article-d', ...RAIN_SUMMARY, title: 'Snow fell'},
        review: [],
        notes: ['headline derived from the lead, review it: "Snow fell"'],
        errors: [NOT_WRITTEN],
      },
      {
        fileName: 'e.txt',
        status: 'created',
        article: {id: 'drafts.article-e', ...RAIN_SUMMARY, title: 'Hail came'},
        review: [],
        notes: ['headline derived from the lead, review it: "Hail came"', 'imported as a draft'],
        errors: [],
      },
    ])
  })
})

test('memorySpool: gives back what was appended, in order, and nothing once disposed', async () => {
  const spool = memorySpool<string>()
  await spool.append(['a', 'b'])
  await spool.append(['c'])
  expect(await collect(spool.read())).toEqual(['a', 'b', 'c'])
  await spool.dispose()
  expect(await collect(spool.read())).toEqual([])
})

describe('runImport: writing while converting', () => {
  /** A target that writes as writes come, noting how many files had been read at each write. */
  function streamingTarget(read: string[], fail?: Error) {
    const seen: {article: string; filesRead: number}[] = []
    const target: ImportTarget = {
      description: 'streaming',
      writesAsTheyCome: true,
      load: async () => [],
      slugOwners: async () => new Map(),
      commit: async (writes, _timestamp, signal) => {
        const unwritten = new Set<string>()
        for await (const {article} of writes) {
          if (fail) throw fail
          if (signal?.aborted) unwritten.add(article._id)
          else seen.push({article: article._id, filesRead: read.length})
        }
        return {kept: new Set(), unwritten}
      },
    }
    return {target, seen}
  }

  /** Imports in batches of two, noting each file read; `whileReading` runs as each is read. */
  const run = async (
    files: string[],
    target: ImportTarget,
    read: string[],
    more: {options?: ImportOptions; signal?: AbortSignal; whileReading?: () => Promise<void>} = {},
  ) =>
    runImport(files, more.options ?? {}, {
      readSource: async (fileName) => {
        read.push(fileName)
        await more.whileReading?.()
        return readSourceFile(fileName)
      },
      validate: passAll,
      target,
      now: () => NOW,
      importerVersion: 'test',
      batch: {files: 2},
      ...(more.signal ? {signal: more.signal} : {}),
    })

  test('runImport: the first batch is written before the last file is read', async () => {
    const files = await sourcesFolder([...generateCorpus(6)])
    const read: string[] = []
    const {target, seen} = streamingTarget(read)
    const result = await run(files, target, read)
    expect(result.written).toBe(true)
    expect(seen).toHaveLength(6)
    expect(seen[0]?.filesRead).toBeLessThan(6)
    const outcomes = await collect(result.outcomes)
    expect(outcomes.map(({status}) => status)).toEqual(Array(6).fill('created'))
  })

  test('runImport: a batch is decided while the next one is read and converted', async () => {
    const files = await sourcesFolder([...generateCorpus(6)])
    const read: string[] = []
    const {target, seen} = streamingTarget(read)
    let thirdRead = () => {}
    const third = new Promise<void>((resolve) => (thirdRead = resolve))
    // The first batch's stored documents arrive only once the next batch's first file is read:
    // an import that waited for them before reading on would never finish.
    let loads = 0
    const waiting: ImportTarget = {
      ...target,
      load: async (ids) => {
        if (loads++ === 0) await third
        return target.load(ids)
      },
    }
    const result = await run(files, waiting, read, {
      whileReading: async () => {
        if (read.length === 3) thirdRead()
      },
    })
    expect(result.written).toBe(true)
    expect(seen).toHaveLength(6)
  })

  test('runImport: with --strict, nothing is written until every file passed', async () => {
    const files = await sourcesFolder([...generateCorpus(6)])
    const read: string[] = []
    const {target, seen} = streamingTarget(read)
    await run(files, target, read, {options: {strict: true}})
    expect(seen.map(({filesRead}) => filesRead)).toEqual(Array(6).fill(6))
  })

  test('runImport: interrupted while converting, what was written is reported written and the rest not', async () => {
    const files = await sourcesFolder([...generateCorpus(6)])
    const read: string[] = []
    const interrupt = new AbortController()
    const {target, seen} = streamingTarget(read)
    const result = await run(files, target, read, {
      signal: interrupt.signal,
      whileReading: async () => {
        if (read.length === 5) interrupt.abort()
        // Lets the commit take what is queued before the next file is read.
        await new Promise((resolve) => setImmediate(resolve))
      },
    })
    expect(read).toEqual(files.slice(0, 5))
    const outcomes = await collect(result.outcomes)
    const written = outcomes.filter(({status}) => status === 'created')
    expect(written.map(({article}) => article?.id)).toEqual(seen.map(({article}) => article))
    expect(written.length).toBeGreaterThan(0)
    expect(outcomes.filter(({status}) => status === 'failed')).toHaveLength(6 - written.length)
    for (const outcome of outcomes.filter(({status}) => status === 'failed'))
      expect(outcome.errors).toEqual([NOT_WRITTEN])
  })

  test('runImport: a commit that fails stops the conversion and rejects with its error', async () => {
    const files = await sourcesFolder([...generateCorpus(12)])
    const read: string[] = []
    const {target} = streamingTarget(read, new Error('lake unreachable'))
    await expect(run(files, target, read)).rejects.toThrow('lake unreachable')
    expect(read.length).toBeLessThan(12)
  })
})
