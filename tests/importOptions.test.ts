import {mkdir, mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterEach, beforeEach, describe, expect, test} from 'vitest'

import {importCommand} from '../importer'
import {parseImportArgs} from '../importer/cli/parseImportArgs'
import type {ImportDependencies} from '../importer/run/runImport'
import {type FakeLake, type FakeRequest, startFakeLake} from './support/fakeLake'

const EPOCH = '1723852800' // 2024-08-17T00:00:00Z
const FLOODS = '# Floods close the ring road\n\nWater rose overnight.\n\nAFP\n'

let folder: string
let sources: string
let dataset: string

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'newsroom-options-'))
  sources = join(folder, 'wire')
  dataset = join(folder, 'data', 'production.ndjson')
  await mkdir(sources)
})

/**
 * Runs `npm run import` with a validation that finds every headline too long (the article is
 * then a draft for review) and counts the documents it is asked to validate.
 */
async function runImport(args: string[]) {
  const stdout: string[] = []
  const stderr: string[] = []
  let validated = 0
  let prepared = 0
  const validate: ImportDependencies['validate'] = async (documents) => {
    validated += documents.length
    return documents.map(({_id, _type}) => ({
      documentId: _id,
      documentType: _type,
      issues:
        _type === 'article'
          ? [{level: 'error' as const, message: 'Too long.', path: ['title'], field: 'Headline'}]
          : [],
    }))
  }
  const code = await importCommand(
    ['--data', dataset, ...args],
    {
      stdout: (text) => stdout.push(...text.split('\n')),
      stderr: (line) => stderr.push(line),
      env: {SOURCE_DATE_EPOCH: EPOCH},
    },
    {validate, prepareValidation: () => prepared++, importerVersion: '1.0.0'},
  )
  return {code, stdout: stdout.join('\n'), stderr: stderr.join('\n'), validated, prepared}
}

describe('npm run import --max-retries', () => {
  let lake: FakeLake | undefined
  afterEach(async () => {
    await lake?.close()
    lake = undefined
  })

  const mutations = (requests: readonly FakeRequest[]) =>
    requests.filter(({path}) => path.startsWith('/data/mutate/'))

  test.each([
    {name: '1. --max-retries 0', input: ['--max-retries', '0'], output: 1},
    {name: '2. --max-retries 2', input: ['--max-retries', '2'], output: 3},
  ])(
    'importCommand: $name: a write the lake always answers 503 is sent N + 1 times, and the import fails naming it',
    async ({input, output}) => {
      lake = await startFakeLake((request) =>
        request.path.startsWith('/data/mutate/') ? {status: 503} : {status: 200},
      )
      await writeFile(join(sources, 'floods.txt'), FLOODS)
      const run = await runImport(['--api-host', lake.url, ...input, sources])
      expect(run.code).toBe(1)
      expect(run.stderr).toBe(
        `import: writing to ${lake.url} (production) failed: Service Unavailable - answered by the fake lake`,
      )
      expect(run.stdout).toBe('')
      expect(mutations(lake.requests)).toHaveLength(output)
      // Every attempt is the same request, so the lake can tell a retry from a new write.
      expect(new Set(mutations(lake.requests).map(({body}) => body)).size).toBe(1)
    },
  )

  test('importCommand: a read the lake always answers 503 is sent --max-retries + 1 times, not also retried by the client', async () => {
    lake = await startFakeLake((request) =>
      request.path.startsWith('/data/doc/') ? {status: 503} : {status: 200},
    )
    await writeFile(join(sources, 'floods.txt'), FLOODS)
    const run = await runImport(['--api-host', lake.url, '--max-retries', '1', sources])
    expect(run.code).toBe(1)
    expect(lake.requests.map(({method, path}) => `${method} ${path}`)).toEqual([
      'GET /data/query/production',
      'GET /data/doc/production/article-floods,drafts.article-floods',
      'GET /data/doc/production/article-floods,drafts.article-floods',
    ])
  })

  test('importCommand: a write answered 429 with Retry-After: 1 goes through on the next attempt, a second later', async () => {
    lake = await startFakeLake((request, previous) =>
      request.path.startsWith('/data/mutate/') && previous === 0
        ? {status: 429, headers: {'retry-after': '1'}}
        : {status: 200},
    )
    await writeFile(join(sources, 'floods.txt'), FLOODS)
    const run = await runImport(['--api-host', lake.url, '--max-retries', '1', sources])
    expect(run.code).toBe(0)
    const [first, second] = mutations(lake.requests)
    expect(mutations(lake.requests)).toHaveLength(2)
    expect((second?.time ?? 0) - (first?.time ?? 0)).toBeGreaterThanOrEqual(1000)
  })

  test.each([
    {name: '1. by default, 8', input: [], output: 8},
    {name: '2. --max-retries 0', input: ['--max-retries', '0'], output: 0},
    {name: '3. --max-retries 12', input: ['--max-retries=12'], output: 12},
  ])('parseImportArgs: retries $name', ({input, output}) => {
    expect(parseImportArgs(input, {})).toMatchObject({args: {maxRetries: output}})
  })

  test.each([
    {name: '1. -1', input: '-1'},
    {name: '2. 1.5', input: '1.5'},
    {name: '3. none', input: 'none'},
  ])('importCommand: --max-retries $name is a usage error', async ({input}) => {
    const run = await runImport([`--max-retries=${input}`, sources])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(`--max-retries takes a whole number from 0, not "${input}"`)
    expect(run.stderr).toContain('Usage: npm run import')
  })
})

describe('npm run import --skip-validation', () => {
  /** An article of 4.2 MB of JSON, from 3.8 MB of source: under 5 MB, over a request's 4 MB. */
  const BIG = `# Storm surge floods the harbour\n\n${Array(4200)
    .fill(
      'The river rose again overnight, and the town council met at dawn to decide what to close. '.repeat(
        10,
      ),
    )
    .join('\n\n')}\n\nAFP\n`
  const TOO_BIG = 'article-big is 7.8 MB; a request must be under 4 MB'

  async function exported(path: string): Promise<Record<string, unknown>[]> {
    const text = await readFile(path, 'utf8')
    return text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
  }

  test('importCommand: the validator is prepared once the arguments say the run validates, and not otherwise', async () => {
    await writeFile(join(sources, 'floods.txt'), FLOODS)
    const runs = [
      await runImport(['--dry-run', sources]),
      await runImport(['--dry-run', '--skip-validation', sources]),
      await runImport(['--help']),
      await runImport(['--rate', 'fast', sources]),
    ]
    expect(runs.map(({code, prepared}) => ({code, prepared}))).toEqual([
      {code: 0, prepared: 1},
      {code: 0, prepared: 0},
      {code: 0, prepared: 0},
      {code: 2, prepared: 0},
    ])
  })

  test('importCommand: --skip-validation still refuses a document over the Content Lake limits, and runs no schema validation', async () => {
    await writeFile(join(sources, 'big.txt'), BIG)
    await writeFile(join(sources, 'floods.txt'), FLOODS)

    // Validated, the article failing the headline rule is a draft for review.
    const validatedExport = join(folder, 'validated.ndjson')
    const validated = await runImport(['--ndjson', validatedExport, '--json', sources])
    expect(validated.validated).toBeGreaterThan(0)
    expect(validated.code).toBe(1)
    const checked = JSON.parse(validated.stdout)
    expect(checked.files).toMatchObject([
      {file: join(sources, 'big.txt'), status: 'failed', errors: [TOO_BIG]},
      {
        file: join(sources, 'floods.txt'),
        status: 'review',
        articleId: 'drafts.article-floods',
        review: ['Headline: Too long.'],
      },
    ])

    const [draft] = await exported(validatedExport)
    expect(draft).toMatchObject({
      _id: 'drafts.article-floods',
      importNotes: ['Headline: Too long.'],
    })

    // Unvalidated, the same article is published as it is; the one over the limit still fails.
    const skippedExport = join(folder, 'skipped.ndjson')
    const skipped = await runImport([
      '--ndjson',
      skippedExport,
      '--json',
      '--skip-validation',
      sources,
    ])
    expect(skipped.validated).toBe(0)
    expect(skipped.code).toBe(1)
    const report = JSON.parse(skipped.stdout)
    expect(report.totals).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
      review: 0,
      kept: 0,
      failed: 1,
    })
    expect(report.files).toMatchObject([
      {file: join(sources, 'big.txt'), status: 'failed', notes: [], errors: [TOO_BIG]},
      {file: join(sources, 'floods.txt'), status: 'created', articleId: 'article-floods'},
    ])
    expect(report.files[1].review).toBeUndefined()
    // Published, with no review note: the rule was never checked.
    const [article, ...others] = await exported(skippedExport)
    expect(others).toEqual([])
    expect(article).toMatchObject({_id: 'article-floods', title: 'Floods close the ring road'})
    expect(article).not.toHaveProperty('importNotes')
  })

  test('importCommand: --skip-validation --strict refuses the document over the limits and writes nothing', async () => {
    await writeFile(join(sources, 'big.txt'), BIG)
    await writeFile(join(sources, 'floods.txt'), FLOODS)
    const output = join(folder, 'strict.ndjson')
    const run = await runImport([
      '--ndjson',
      output,
      '--json',
      '--skip-validation',
      '--strict',
      sources,
    ])
    expect(run.validated).toBe(0)
    expect(run.code).toBe(1)
    expect(JSON.parse(run.stdout).files.map((file: {status: string}) => file.status)).toEqual([
      'failed',
      'created',
    ])
    await expect(readFile(output)).rejects.toThrow(/ENOENT/)
  })
})
