import {type ChildProcess, spawn} from 'node:child_process'
import {mkdir, mkdtemp, readdir, readFile, stat, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {delimiter, join} from 'node:path'

import type {SanityDocument} from '@sanity/client'
import {beforeAll, expect, test} from 'vitest'

import {generateCorpus} from '../corpus/generateCorpus'
import {isRecord} from '../dataset'
import {importCommand} from '../importer'
import {contentHash} from '../importer/documents/contentHash'
import {NOT_WRITTEN} from '../importer/run/runImport'
import {openLakeStore} from '../lake'

const ROOT = new URL('..', import.meta.url).pathname
const EPOCH = '1723852800'
/** Enough articles for about six requests of 256 KiB: at one a second, the run is still going. */
const FILES = 400
const STOPPING = 'import: stopping after the writes under way (Ctrl-C again to quit now)'
const INTERRUPTED = new RegExp(
  `^import: interrupted; (\\d+) of ${FILES} files not written\\. Run the same command again to continue\\.$`,
)

let sources: string

beforeAll(async () => {
  sources = join(await mkdtemp(join(tmpdir(), 'newsroom-interrupt-')), 'sources')
  await mkdir(sources)
  for (const {fileName, text} of generateCorpus(FILES)) {
    await writeFile(join(sources, fileName), text)
  }
})

/** A run of `npm run import` with its own process group, as a terminal's foreground job. */
interface ImportProcess {
  /** Ctrl-C: SIGINT to the whole group, as a terminal sends it. */
  interrupt: () => void
  stdout: () => string
  stderr: () => string
  /** The exit code, or the signal that ended it, and when. */
  exited: Promise<{code: number | null; signal: NodeJS.Signals | null; at: number}>
  /** Kills the group if it is still running, so a failed assertion leaves no run going. */
  stop: () => void
}

/** package.json's `version` and `import` script. */
async function readManifest(): Promise<{version: string; importScript: string}> {
  const manifest: unknown = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'))
  const scripts = isRecord(manifest) ? manifest['scripts'] : undefined
  const version = isRecord(manifest) ? manifest['version'] : undefined
  const importScript = isRecord(scripts) ? scripts['import'] : undefined
  if (typeof version !== 'string' || typeof importScript !== 'string') {
    throw new Error('readManifest(): package.json has no version or no import script')
  }
  return {version, importScript}
}

/**
 * Starts what `npm run import` runs (package.json's `import` script, one command and its
 * arguments, found on npm's PATH), without npm, whose own handling of Ctrl-C is not under test.
 * Whatever the script puts between the terminal and the import is tested with it: a wrapper
 * that passes Ctrl-C on late, or kills a child busy when it comes, fails these tests.
 */
async function startImport(args: string[]): Promise<ImportProcess> {
  const {importScript} = await readManifest()
  const [command = '', ...words] = importScript.split(' ')
  const child: ChildProcess = spawn(command, [...words, ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      PATH: `${join(ROOT, 'node_modules', '.bin')}${delimiter}${process.env['PATH'] ?? ''}`,
      SOURCE_DATE_EPOCH: EPOCH,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  let running = true
  const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null; at: number}>(
    (resolve) =>
      child.once('close', (code, signal) => {
        running = false
        resolve({code, signal, at: performance.now()})
      }),
  )
  const group = () => {
    if (child.pid === undefined) throw new Error('startImport(): the import did not start')
    return -child.pid
  }
  return {
    interrupt: () => process.kill(group(), 'SIGINT'),
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    stop: () => {
      if (running) process.kill(group(), 'SIGKILL')
    },
  }
}

/** Waits until `condition` holds, checking every 10 ms, for at most `ms`. */
async function until(condition: () => Promise<boolean> | boolean, ms: number, what: string) {
  const deadline = performance.now() + ms
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`importInterrupt: no ${what} in ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Whether the lake has acknowledged a transaction: the run has started writing. */
async function hasWritten(data: string): Promise<boolean> {
  const size = await stat(`${data}.journal`).then(
    ({size}) => size,
    () => 0,
  )
  return size > 0
}

/** Each line of a file parsed, failing on any that is not whole JSON; none for a missing file. */
async function jsonLines(path: string): Promise<unknown[] | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined)
  if (text === undefined) return undefined
  expect(text === '' || text.endsWith('\n'), `${path} ends with a whole line`).toBe(true)
  return text
    .split('\n')
    .slice(0, -1)
    .map((line) => JSON.parse(line))
}

/** The dataset as the lake loads it (snapshot and journal), by id. */
async function readDataset(data: string): Promise<Map<string, SanityDocument>> {
  const store = await openLakeStore(data)
  try {
    return new Map([...store.documents()].map((document) => [document._id, document]))
  } finally {
    await store.close()
  }
}

const articleIds = (documents: Map<string, SanityDocument>) =>
  [...documents.values()]
    .filter((document) => document._type === 'article')
    .map((document) => document._id)
    .sort()

/** The files of the `--json` report, narrowed to what these tests read. */
function reportFiles(stdout: string): {status: string; articleId?: string; errors: string[]}[] {
  const report: unknown = JSON.parse(stdout)
  if (!isRecord(report) || !Array.isArray(report['files'])) throw new Error('not a report')
  return report['files'].map((file: unknown) => {
    if (!isRecord(file) || typeof file['status'] !== 'string' || !Array.isArray(file['errors']))
      throw new Error(`not a report entry: ${JSON.stringify(file)}`)
    const {status, articleId} = file
    const errors = file['errors'].map(String)
    return typeof articleId === 'string' ? {status, articleId, errors} : {status, errors}
  })
}

async function dataFolder(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'newsroom-interrupt-data-')), 'production.ndjson')
}

test('import: Ctrl-C once it is writing exits 130, and says truly what it wrote and what is left', async () => {
  const data = await dataFolder()
  // One request a second, so most of the run is still to send when Ctrl-C comes.
  const run = await startImport([
    '--data',
    data,
    '--rate',
    '1',
    '--skip-validation',
    '--json',
    sources,
  ])
  try {
    await until(() => hasWritten(data), 30_000, 'write')
    run.interrupt()
    const {code} = await run.exited
    expect(code).toBe(130)

    const errors = run.stderr().trim().split('\n')
    expect(errors).toEqual([STOPPING, expect.stringMatching(INTERRUPTED)])
    const left = Number(INTERRUPTED.exec(errors[1] ?? '')?.[1])
    // Some written, some left: it stopped part way.
    expect(left).toBeGreaterThan(0)
    expect(left).toBeLessThan(FILES)

    // The report agrees with itself: a line per file, each left one saying so.
    const files = reportFiles(run.stdout())
    expect(files).toHaveLength(FILES)
    const unwritten = files.filter(({status}) => status === 'failed')
    expect(unwritten).toHaveLength(left)
    for (const file of unwritten) expect(file.errors).toEqual([NOT_WRITTEN])
    const written = files.filter(({status}) => status !== 'failed')
    for (const file of written) expect(file.status).toBe('created')

    // And with the dataset: exactly the articles it reports written are stored.
    const documents = await readDataset(data)
    expect(articleIds(documents)).toEqual(written.map(({articleId}) => articleId).sort())
    expect(articleIds(documents)).toHaveLength(FILES - left)
  } finally {
    run.stop()
  }
  // A run that wound down leaves no lock and no spool behind, and the snapshot whole.
  const folder = join(data, '..')
  expect((await readdir(folder)).sort()).toEqual([
    '.import-spool',
    'lake-cert.pem',
    'lake-key.pem',
    'production.ndjson',
    'production.ndjson.journal',
  ])
  expect(await readdir(join(folder, '.import-spool'))).toEqual([])
  expect(await jsonLines(data)).toHaveLength((await readDataset(data)).size)
}, 60_000)

test('import: a second Ctrl-C stops at once, leaving only whole transactions, and a re-run completes', async () => {
  const data = await dataFolder()
  const run = await startImport(['--data', data, '--rate', '1', '--skip-validation', sources])
  let secondAt = 0
  try {
    await until(() => hasWritten(data), 30_000, 'write')
    run.interrupt()
    await until(() => run.stderr().includes(STOPPING), 5_000, 'stop message')
    secondAt = performance.now()
    run.interrupt()
    const {code, at} = await run.exited
    expect(code).toBe(130)
    expect(at - secondAt).toBeLessThan(2_000)
    // It stopped without its report: the writes under way were not waited for.
    expect(run.stderr()).not.toMatch(/interrupted;/)
  } finally {
    run.stop()
  }

  // Nothing half-written: the journal holds whole transactions, the snapshot (if one was
  // written) whole documents; the lake loads them, and each stored article is whole.
  const journal = await jsonLines(`${data}.journal`)
  expect(journal?.length).toBeGreaterThan(0)
  for (const entry of journal ?? []) {
    expect(entry).toMatchObject({transactionId: expect.any(String), documents: expect.any(Array)})
  }
  for (const document of (await jsonLines(data)) ?? []) {
    expect(document).toMatchObject({_id: expect.any(String), _type: expect.any(String)})
  }
  const before = await readDataset(data)
  expect(articleIds(before).length).toBeGreaterThan(0)
  expect(articleIds(before).length).toBeLessThan(FILES)
  for (const id of articleIds(before)) {
    const article = before.get(id)
    expect(article?.['source']).toMatchObject({contentHash: contentHash(article ?? {})})
    // Its people came in the same transaction.
    const byline: unknown = article?.['byline']
    const authors = isRecord(byline) && Array.isArray(byline['authors']) ? byline['authors'] : []
    for (const author of authors) {
      expect(before.has(isRecord(author) ? String(author['_ref']) : '')).toBe(true)
    }
  }
  // The report's spool, which a stopped process could not remove, is still there until the next
  // run. (Writes to a lake are not spooled: they are sent as files are decided.)
  const spools = join(data, '..', '.import-spool')
  expect(await readdir(spools)).toHaveLength(1)

  // Run again, it writes only what is missing and removes what the stopped run left.
  const output: string[] = []
  const again = await importCommand(
    ['--data', data, '--skip-validation', sources],
    {
      stdout: (text) => output.push(...text.split('\n')),
      stderr: (line) => output.push(line),
      env: {SOURCE_DATE_EPOCH: EPOCH},
    },
    {
      validate: async () => {
        throw new Error('importInterrupt: --skip-validation should not validate')
      },
      importerVersion: (await readManifest()).version,
    },
  )
  expect(again).toBe(0)
  const stored = articleIds(before).length
  expect(output.at(-1)).toBe(
    `${FILES} files: ${FILES - stored} created, 0 updated, ${stored} unchanged, 0 review, 0 kept, 0 failed; written to ${data}`,
  )
  expect(articleIds(await readDataset(data))).toHaveLength(FILES)
  expect(await readdir(spools)).toEqual([])
}, 60_000)
