import {mkdir, mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {describe, expect, test} from 'vitest'

import {generateCorpus} from '../corpus/generateCorpus'
import {mapAsync} from '../dataset'
import {importCommand} from '../importer'
import {
  countOutcomes,
  formatReport,
  joinLines,
  jsonReport,
  type OutcomeSummary,
  summarizeOutcome,
  type Tally,
  tallyOutcomes,
} from '../importer/cli/report'
import type {Validate} from '../importer/run/decideFiles'
import {type FileOutcome, NOT_WRITTEN} from '../importer/run/runImport'
import {localClient, startLake} from '../lake'

function outcome(
  fileName: string,
  status: FileOutcome['status'],
  errors: string[] = [],
): FileOutcome {
  return {fileName, status, review: [], notes: [], errors}
}

async function* from<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items
}

const NONE = {created: 0, updated: 0, unchanged: 0, review: 0, kept: 0, failed: 0}

const tallies: {n: number; name: string; input: FileOutcome[]; output: Tally}[] = [
  {n: 1, name: 'no files', input: [], output: {totals: NONE, notWritten: 0}},
  {
    n: 2,
    name: 'one of each status',
    input: [
      outcome('a.txt', 'created'),
      outcome('b.txt', 'updated'),
      outcome('c.txt', 'unchanged'),
      outcome('d.txt', 'review'),
      outcome('e.txt', 'kept'),
      outcome('f.txt', 'failed', ['empty file']),
    ],
    output: {
      totals: {created: 1, updated: 1, unchanged: 1, review: 1, kept: 1, failed: 1},
      notWritten: 0,
    },
  },
  {
    n: 3,
    name: 'two of five not written',
    input: [
      outcome('a.txt', 'created'),
      outcome('b.txt', 'created'),
      outcome('c.txt', 'failed', [NOT_WRITTEN]),
      outcome('d.txt', 'failed', [NOT_WRITTEN]),
      outcome('e.txt', 'failed', ['empty file']),
    ],
    output: {totals: {...NONE, created: 2, failed: 3}, notWritten: 2},
  },
  {
    n: 4,
    name: 'none written',
    input: [
      outcome('a.txt', 'failed', [NOT_WRITTEN]),
      outcome('b.txt', 'failed', [NOT_WRITTEN]),
      outcome('c.txt', 'failed', [NOT_WRITTEN]),
    ],
    output: {totals: {...NONE, failed: 3}, notWritten: 3},
  },
  {
    n: 5,
    name: 'not written among other errors',
    input: [outcome('a.txt', 'failed', ['too large', NOT_WRITTEN])],
    output: {totals: {...NONE, failed: 1}, notWritten: 1},
  },
  {
    n: 6,
    name: 'repeated statuses',
    input: [
      outcome('a.txt', 'kept'),
      outcome('b.txt', 'kept'),
      outcome('c.txt', 'unchanged'),
      outcome('d.txt', 'review'),
      outcome('e.txt', 'updated'),
      outcome('f.txt', 'updated'),
      outcome('g.txt', 'updated'),
    ],
    output: {totals: {...NONE, updated: 3, unchanged: 1, review: 1, kept: 2}, notWritten: 0},
  },
]

describe('tallyOutcomes', () => {
  test.each(tallies)('tallyOutcomes: $n $name', async ({input, output}) => {
    expect(await tallyOutcomes(from(input))).toStrictEqual(output)
  })
})

const header = {
  target: 'data/production.ndjson (with [brackets])',
  dryRun: false,
  written: true,
  totals: {created: 1, updated: 0, unchanged: 0, review: 0, kept: 0, failed: 1},
}
const created: OutcomeSummary = {
  file: 'a.txt',
  status: 'created',
  articleId: 'article-a',
  sections: ['Lead', null],
  notes: ['headline derived from the lead, review it: "A"'],
  errors: [],
}
const failed: OutcomeSummary = {file: 'b "2".txt', status: 'failed', notes: [], errors: ['empty']}

describe('jsonReport', () => {
  test.each([{files: []}, {files: [created]}, {files: [created, failed]}])(
    'jsonReport: prints what JSON.stringify prints, for $files.length files',
    async ({files}) => {
      const pieces: string[] = []
      for await (const piece of jsonReport(header, from(files))) pieces.push(piece)
      expect(pieces.join('\n')).toBe(JSON.stringify({...header, files}, null, 2))
    },
  )
})

describe('joinLines', () => {
  test.each([
    {n: 1, name: 'no lines, no piece', input: {lines: [], maxChars: 8}, output: []},
    {
      n: 2,
      name: 'lines that fit, one piece',
      input: {lines: ['ab', 'cd'], maxChars: 8},
      output: ['ab\ncd'],
    },
    {
      n: 3,
      name: 'a piece ends before the line that would pass the limit',
      input: {lines: ['abc', 'def', 'ghi'], maxChars: 8},
      output: ['abc\ndef', 'ghi'],
    },
    {
      n: 4,
      name: 'a line longer than the limit is a piece of its own, never cut',
      input: {lines: ['a', 'bcdefghijk', 'l'], maxChars: 4},
      output: ['a', 'bcdefghijk', 'l'],
    },
    {
      n: 5,
      name: 'empty lines are kept',
      input: {lines: ['', 'a', ''], maxChars: 8},
      output: ['\na\n'],
    },
  ])('joinLines: $n $name', async ({input, output}) => {
    const pieces: string[] = []
    for await (const piece of joinLines(from(input.lines), input.maxChars)) pieces.push(piece)
    expect(pieces).toEqual(output)
    expect(pieces.join('\n')).toBe(input.lines.join('\n'))
  })
})

const unwritten: OutcomeSummary = {
  file: 'c.txt',
  status: 'failed',
  notes: [],
  errors: [NOT_WRITTEN],
}

describe('formatReport', () => {
  test.each([
    {
      n: 1,
      name: 'a created and a failed file',
      input: {files: [created, failed], tally: {totals: header.totals, notWritten: 0}},
      output: [
        'created   a.txt → article-a · 2 sections · no byline',
        '          note: headline derived from the lead, review it: "A"',
        'failed    b "2".txt',
        '          error: empty',
        '2 files: 1 created, 0 updated, 0 unchanged, 0 review, 0 kept, 1 failed; written to x',
      ],
    },
    {
      n: 2,
      name: 'an interrupted run: a file not written is no failure',
      input: {
        files: [created, failed, unwritten],
        tally: {totals: {...header.totals, failed: 2}, notWritten: 1},
      },
      output: [
        'created   a.txt → article-a · 2 sections · no byline',
        '          note: headline derived from the lead, review it: "A"',
        'failed    b "2".txt',
        '          error: empty',
        'unwritten c.txt',
        `          error: ${NOT_WRITTEN}`,
        '3 files: 1 created, 0 updated, 0 unchanged, 0 review, 0 kept, 1 failed, 1 not written; written to x',
      ],
    },
  ])('formatReport: $n $name', async ({input, output}) => {
    const lines: string[] = []
    for await (const line of formatReport(from(input.files), input.tally, () => 'written to x')) {
      lines.push(line)
    }
    expect(lines).toEqual(output)
  })

  test('formatReport: totals counted as the files are read, in one pass over them', async () => {
    const input = [outcome('a.txt', 'created'), outcome('b.txt', 'failed', [NOT_WRITTEN])]
    let reads = 0
    const read = async function* () {
      reads++
      yield* input
    }
    // Read afresh each time, as the outcome spool is.
    const {outcomes, tally} = countOutcomes({[Symbol.asyncIterator]: read})
    const lines: string[] = []
    const summaries = mapAsync(outcomes, summarizeOutcome)
    for await (const line of formatReport(summaries, tally, ({totals}) => `${totals.failed}`)) {
      lines.push(line)
    }
    expect(lines.at(-1)).toBe(
      '2 files: 1 created, 0 updated, 0 unchanged, 0 review, 0 kept, 0 failed, 1 not written; 1',
    )
    // Read again, the counted outcomes give nothing and count nothing twice.
    for await (const again of outcomes) expect.unreachable(`read again: ${again.fileName}`)
    expect(reads).toBe(1)
    expect(tally).toStrictEqual({totals: {...NONE, created: 1, failed: 1}, notWritten: 1})
  })
})

/** Every document passes: these runs skip validation, and the validator is never asked. */
const passAll: Validate = async (documents) =>
  documents.map(({_id, _type}) => ({documentId: _id, documentType: _type, issues: []}))

/** An import of `sources` into the lake at `url`, its spool beside `data`, stopped by `signal`. */
async function importInto(
  url: string,
  data: string,
  sources: string,
  signal?: AbortSignal,
  validate?: Validate,
): Promise<{code: number; stdout: string[]; stderr: string[]}> {
  const stdout: string[] = []
  const stderr: string[] = []
  const code = await importCommand(
    ['--api-host', url, '--data', data, ...(validate ? [] : ['--skip-validation']), sources],
    {
      stdout: (text) => stdout.push(...text.split('\n')),
      stderr: (line) => stderr.push(line),
      env: {},
      now: () => new Date('2024-08-17T00:00:00Z'),
      ...(signal ? {signal} : {}),
    },
    {validate: validate ?? passAll, importerVersion: 'test'},
  )
  return {code, stdout, stderr}
}

/** The files the human report lists as not written: each one's line, then the error under it. */
function notWrittenIn(report: readonly string[]): string[] {
  return report.flatMap((line, index) =>
    report[index + 1] === `          error: ${NOT_WRITTEN}`
      ? [/^unwritten (.+)$/.exec(line)?.[1] ?? line]
      : [],
  )
}

const interrupted = (notWritten: number, files: number) =>
  `import: interrupted; ${notWritten} of ${files} files not written. Run the same command again to continue.`

describe('importCommand: an interrupted run counts the files it did not write', () => {
  test('importCommand: interrupted before writing, it reports exactly the files it had to write', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'newsroom-report-'))
    const data = join(folder, 'production.ndjson')
    const sources = join(folder, 'sources')
    await mkdir(sources)
    const source = (name: string) => join(sources, name)
    const lake = await startLake({data, port: 0})
    try {
      await writeFile(
        source('a.txt'),
        '# Floods close the ring road\n\nWater rose overnight.\n\nAFP',
      )
      await writeFile(source('b.txt'), '# Rain stops\n\nThe rain stopped at noon.\n\nReuters')
      expect((await importInto(lake.url, data, sources)).code).toBe(0)

      // a.txt is unchanged and empty.txt cannot be read: neither is left to write.
      await writeFile(source('b.txt'), '# Rain stops\n\nThe rain stopped at one.\n\nReuters')
      await writeFile(source('c.txt'), '# Roads reopen\n\nThe ring road reopened.\n\nAFP')
      await writeFile(source('d.txt'), '# Schools close\n\nSchools stay shut on Monday.\n\nAFP')
      await writeFile(source('empty.txt'), '   \n')
      // Ctrl-C once every file is read and decided, as validation runs: nothing is written.
      const interrupt = new AbortController()
      const run = await importInto(lake.url, data, sources, interrupt.signal, (...args) => {
        interrupt.abort()
        return passAll(...args)
      })
      expect(run.code).toBe(130)
      expect(run.stderr.at(-1)).toBe(interrupted(3, 5))
      expect(notWrittenIn(run.stdout)).toEqual(['b.txt', 'c.txt', 'd.txt'].map(source))
      // empty.txt failed; the three left to write were not written, which is no failure.
      expect(run.stdout.at(-1)).toMatch(
        /^5 files: 0 created, 0 updated, 1 unchanged, 0 review, 0 kept, 1 failed, 3 not written;/,
      )
    } finally {
      await lake.close()
    }
  })

  test('importCommand: interrupted while writing, it reports exactly the files not in the lake', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'newsroom-report-'))
    const data = join(folder, 'production.ndjson')
    const sources = join(folder, 'sources')
    await mkdir(sources)
    // Enough articles for many requests, of which only those under way when Ctrl-C comes go.
    const corpus = [...generateCorpus(300)]
    for (const {fileName, text} of corpus) await writeFile(join(sources, fileName), text)
    const lake = await startLake({data, port: 0})
    const interrupt = new AbortController()
    lake.lake.subscribe(() => interrupt.abort())
    try {
      const run = await importInto(lake.url, data, sources, interrupt.signal)
      expect(run.code).toBe(130)
      const stored: string[] = await localClient(lake.url).fetch(
        '*[_type == "article"] | order(_id) ._id',
      )
      const missing = corpus.length - stored.length
      expect(missing).toBeGreaterThan(0)
      expect(missing).toBeLessThan(corpus.length)
      expect(run.stderr.at(-1)).toBe(interrupted(missing, corpus.length))
      expect(notWrittenIn(run.stdout)).toHaveLength(missing)
    } finally {
      await lake.close()
    }
  }, 60_000)
})
