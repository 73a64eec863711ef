import {copyFile, mkdir, mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, test} from 'vitest'

import {generateCorpus} from '../corpus/generateCorpus'
import {clientTarget, importCommand, runImport} from '../importer'
import {readSourceFile} from '../importer/cli/readSourceFile'
import {type RequestLogEntry, startLake} from '../lake'
import {localClient} from '../lake'
import {createValidator, type Validator} from '../validation'
import {collect} from './support/collect'

const SEED = new URL('../seeds/kursk-advance.txt', import.meta.url)
const ARTICLE = 'article-kursk-advance'
const TOKEN = 'sk-secret-token-4f9d2c7a1b'

let validator: Validator
let folder: string
let source: string

beforeAll(async () => {
  validator = await createValidator()
})
afterAll(() => validator.close())

async function freshSource() {
  folder = await mkdtemp(join(tmpdir(), 'newsroom-safety-'))
  await mkdir(join(folder, 'seeds'))
  source = join(folder, 'seeds', 'kursk-advance.txt')
  await copyFile(SEED, source)
}

describe('import safety', () => {
  test('runImport: an article edited while the import runs is kept, and the edit survives', async () => {
    await freshSource()
    const lake = await startLake({data: join(folder, 'production.ndjson'), port: 0})
    const client = localClient(lake.url)
    try {
      const dependencies = {
        readSource: readSourceFile,
        validate: validator.validate,
        now: () => '2024-08-17T00:00:00.000Z',
        importerVersion: 'test',
      }
      await runImport([source], {}, {...dependencies, target: clientTarget(client, lake.url)})
      await writeFile(
        source,
        (await readFile(source, 'utf8')).replace('12 civilians', '13 civilians'),
      )

      // Another client (an editor) saves a change after the import read the article.
      const target = clientTarget(client, lake.url)
      const racing = {
        ...target,
        load: async (ids: readonly string[]) => {
          const stored = await target.load(ids)
          await client.patch(ARTICLE).set({title: 'Edited during the import'}).commit()
          return stored
        },
      }
      const result = await runImport([source], {}, {...dependencies, target: racing})
      const outcomes = await collect(result.outcomes)
      expect(outcomes[0]?.status).toBe('kept')
      expect(outcomes[0]?.notes).toContain(
        'was edited while the import ran; left as the editor saved it',
      )
      const article = await client.getDocument(ARTICLE)
      expect(article?.['title']).toBe('Edited during the import')
      expect(JSON.stringify(article)).toContain('12 civilians')
    } finally {
      await lake.close()
    }
  })

  test('importCommand: the write token appears in no output, report or log', async () => {
    await freshSource()
    const requests: RequestLogEntry[] = []
    const lake = await startLake({
      data: join(folder, 'production.ndjson'),
      port: 0,
      token: TOKEN,
      requestLog: (entry) => requests.push(entry),
    })
    const output: string[] = []
    const run = (args: string[], token: string) =>
      importCommand(
        [...args, '--api-host', lake.url, join(folder, 'seeds')],
        {
          stdout: (line) => output.push(line),
          stderr: (line) => output.push(line),
          env: {SANITY_API_WRITE_TOKEN: token},
          now: () => new Date(),
        },
        {validate: validator.validate, importerVersion: 'test'},
      )
    try {
      expect(await run([], TOKEN)).toBe(0)
      expect(await run(['--json'], TOKEN)).toBe(0)
      // A wrong token fails with one line naming the target, and shows neither token.
      const wrong = `${TOKEN}-wrong`
      expect(await run([], wrong)).toBe(1)
      expect(output.at(-1)).toMatch(
        /^import: writing to http:\/\/127\.0\.0\.1:\d+ \(production\) failed: A valid token is required$/,
      )
      const everything = [
        ...output,
        JSON.stringify(requests),
        await readFile(join(folder, 'production.ndjson'), 'utf8').catch(() => ''),
      ].join('\n')
      expect(everything).not.toContain(TOKEN)
      expect(everything).not.toContain('secret-token')
    } finally {
      await lake.close()
    }
  })

  test('importCommand: the write token goes only to HTTPS or this machine', async () => {
    await freshSource()
    const output: string[] = []
    const code = await importCommand(
      ['--api-host', 'http://lake.example:3334', join(folder, 'seeds')],
      {
        stdout: (line) => output.push(line),
        stderr: (line) => output.push(line),
        env: {SANITY_API_WRITE_TOKEN: TOKEN},
        now: () => new Date(),
      },
      {validate: validator.validate, importerVersion: 'test'},
    )
    expect(code).toBe(1)
    expect(output.join('\n')).toMatch(
      /http:\/\/lake\.example:3334 is neither HTTPS nor on this machine; the write token is sent only to those/,
    )
    expect(output.join('\n')).not.toContain(TOKEN)
  })

  test('importCommand: Ctrl-C lets the request under way finish, says where it stopped, and a re-run completes', async () => {
    folder = await mkdtemp(join(tmpdir(), 'newsroom-interrupt-'))
    const sources = join(folder, 'sources')
    await mkdir(sources)
    for (const {fileName, text} of [...generateCorpus(600)])
      await writeFile(join(sources, fileName), text)
    const lake = await startLake({data: join(folder, 'production.ndjson'), port: 0})
    const interrupt = new AbortController()
    lake.lake.subscribe(() => interrupt.abort())
    const errors: string[] = []
    const run = (signal?: AbortSignal) =>
      importCommand(
        ['--api-host', lake.url, '--rate', '1', sources],
        {
          stdout: () => undefined,
          stderr: (line) => errors.push(line),
          env: {},
          now: () => new Date(),
          ...(signal ? {signal} : {}),
        },
        {validate: validator.validate, importerVersion: 'test'},
      )
    try {
      expect(await run(interrupt.signal)).toBe(130)
      expect(errors.at(-1)).toMatch(
        /^import: interrupted; \d+ of 600 files not written\. Run the same command again to continue\.$/,
      )
      const written: number = await localClient(lake.url).fetch('count(*[_type == "article"])')
      expect(written).toBeGreaterThan(0)
      expect(written).toBeLessThan(600)
      expect(await run()).toBe(0)
      expect(await localClient(lake.url).fetch('count(*[_type == "article"])')).toBe(600)
    } finally {
      await lake.close()
    }
  }, 60_000)
})
