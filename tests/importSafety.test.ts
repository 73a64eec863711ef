import {readdirSync, readFileSync} from 'node:fs'
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

  test('importCommand: the write token appears in no output, report, log or file the run writes', async () => {
    await freshSource()
    // The importer spools beside --data, so the lake's data folder is the only one the run
    // writes into: dataset, journal, lock, certificate and spools.
    const data = join(folder, 'data', 'production.ndjson')
    const requests: RequestLogEntry[] = []
    // Every file that existed while a request arrived or a transaction was committed, by its
    // path with random parts named, with what it held: spools exist only while a run lasts.
    const seen = new Map<string, string[]>()
    const look = () => {
      for (const [path, text] of readFolder(folder)) {
        seen.set(path, [...(seen.get(path) ?? []), text])
      }
    }
    const lake = await startLake({
      data,
      port: 0,
      token: TOKEN,
      requestLog: (entry) => {
        requests.push(entry)
        look()
      },
    })
    lake.lake.subscribe(look)
    const output: string[] = []
    const run = (args: string[], token: string) =>
      importCommand(
        [...args, '--api-host', lake.url, '--data', data, join(folder, 'seeds')],
        {
          stdout: (text) => output.push(...text.split('\n')),
          stderr: (line) => output.push(line),
          env: {SANITY_API_WRITE_TOKEN: token},
          now: () => new Date(),
        },
        {validate: validator.validate, importerVersion: 'test'},
      )
    let running: Map<string, string>
    try {
      expect(await run([], TOKEN)).toBe(0)
      expect(await run(['--json'], TOKEN)).toBe(0)
      // A wrong token fails with one line naming the target, and shows neither token.
      const wrong = `${TOKEN}-wrong`
      expect(await run([], wrong)).toBe(1)
      expect(output.at(-1)).toMatch(
        /^import: writing to http:\/\/127\.0\.0\.1:\d+ \(production\) failed: A valid token is required$/,
      )
      running = readFolder(folder)
    } finally {
      await lake.close()
    }
    const closed = readFolder(folder)

    // Each listing is exactly what the lake and the importer write, so no new file goes unread.
    expect([...seen.keys()].sort()).toEqual([
      'data/',
      'data/.import-spool/',
      'data/.import-spool/<pid>-<random>/',
      'data/.import-spool/<pid>-<random>/spool',
      'data/lake-cert.pem',
      'data/lake-key.pem',
      'data/production.ndjson.journal',
      'data/production.ndjson.lock',
      'seeds/',
      'seeds/kursk-advance.txt',
    ])
    expect([...running.keys()].sort()).toEqual([
      'data/',
      'data/.import-spool/',
      'data/lake-cert.pem',
      'data/lake-key.pem',
      'data/production.ndjson.journal',
      'data/production.ndjson.lock',
      'seeds/',
      'seeds/kursk-advance.txt',
    ])
    expect([...closed.keys()].sort()).toEqual([
      'data/',
      'data/.import-spool/',
      'data/lake-cert.pem',
      'data/lake-key.pem',
      'data/production.ndjson',
      'data/production.ndjson.journal',
      'seeds/',
      'seeds/kursk-advance.txt',
    ])
    // The check reads where the data is: the journal while the lake runs, the snapshot once it
    // has closed, the spools while the run lasts.
    expect(running.get('data/production.ndjson.journal')).toContain(`"_id":"${ARTICLE}"`)
    expect(closed.get('data/production.ndjson')).toContain(`"_id":"${ARTICLE}"`)
    expect(seen.get('data/.import-spool/<pid>-<random>/spool')?.join('\n')).toContain(ARTICLE)

    const everything = [
      ...output,
      JSON.stringify(requests),
      ...[...seen.values()].flat(),
      ...running.values(),
      ...closed.values(),
    ].join('\n')
    expect(everything).not.toContain(TOKEN)
    expect(everything).not.toContain('secret-token')
  })

  test('importCommand: the write token goes only to HTTPS or this machine', async () => {
    await freshSource()
    const output: string[] = []
    const code = await importCommand(
      ['--api-host', 'http://lake.example:3334', join(folder, 'seeds')],
      {
        stdout: (text) => output.push(...text.split('\n')),
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
    const data = join(folder, 'production.ndjson')
    const lake = await startLake({data, port: 0})
    const interrupt = new AbortController()
    lake.lake.subscribe(() => interrupt.abort())
    const errors: string[] = []
    const run = (signal?: AbortSignal) =>
      importCommand(
        // --data too, so the run spools beside the test's dataset rather than the project's;
        // validating 1,200 articles would be most of the time, and is not what is tested.
        ['--api-host', lake.url, '--data', data, '--rate', '1', '--skip-validation', sources],
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
      const written: number = await localClient(lake.url).fetch('count(*[_type == "article"])')
      expect(written).toBeGreaterThan(0)
      expect(written).toBeLessThan(600)
      expect(errors.at(-1)).toBe(
        `import: interrupted; ${600 - written} of 600 files not written. Run the same command again to continue.`,
      )
      expect(await run()).toBe(0)
      expect(await localClient(lake.url).fetch('count(*[_type == "article"])')).toBe(600)
    } finally {
      await lake.close()
    }
  }, 60_000)
})

/**
 * Every file and folder under a folder (folders end in `/`), with each file's text; the random
 * part of a spool folder's name (`<pid>-<random>`) is named, so listings compare.
 */
function readFolder(root: string): Map<string, string> {
  const found = new Map<string, string>()
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(root, relative), {withFileTypes: true})) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`
      const named = path.replace(/\/\d+-[0-9a-f]{12}(?=\/|$)/, '/<pid>-<random>')
      if (entry.isDirectory()) {
        found.set(`${named}/`, '')
        walk(path)
      } else {
        found.set(named, readFileSync(join(root, path), 'utf8'))
      }
    }
  }
  walk('')
  return found
}
