import {type ChildProcess, execFile, spawn} from 'node:child_process'
import {mkdtemp, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {createInterface} from 'node:readline'
import {promisify} from 'node:util'

import {expect, test} from 'vitest'

import {localClient, startLake} from '../lake'

const ROOT = new URL('..', import.meta.url).pathname

/** A lake running as its own process, as `npm run lake` runs it. */
interface LakeProcess {
  child: ChildProcess
  /** Where it serves; undefined when it exited without serving. */
  url: string | undefined
  /** What it wrote to stderr, a line at a time. */
  stderr: string[]
  /** Resolves with its exit code once it has exited and its output has been read. */
  exited: Promise<number | null>
}

/** Starts `npm run lake` as its own process; resolves once it serves or has exited. */
async function spawnLake(data: string): Promise<LakeProcess> {
  const child = spawn(
    process.execPath,
    ['scripts/run.mjs', 'scripts/lake.ts', '--port', '0', '--data', data],
    {cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe']},
  )
  const stderr: string[] = []
  createInterface({input: child.stderr}).on('line', (line) => stderr.push(line))
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve))
  const lines = createInterface({input: child.stdout})
  const url = await new Promise<string | undefined>((resolve) => {
    lines.on('line', (line) => {
      const found = /at (http:\/\/\S+)$/.exec(line)?.[1]
      if (found) resolve(found)
    })
    lines.once('close', () => resolve(undefined))
  })
  return {child, url, stderr, exited}
}

/** Its URL, for a lake that must be serving. */
function served(lake: LakeProcess): string {
  if (!lake.url) throw new Error(`the lake exited without serving: ${lake.stderr.join('\n')}`)
  return lake.url
}

/** Sets the largest file a running process may write (its soft limit), like a full disk. */
async function limitFileSize(lake: LakeProcess, bytes: string): Promise<void> {
  await promisify(execFile)('prlimit', ['--pid', String(lake.child.pid), `--fsize=${bytes}:`])
}

/** Creates or replaces one person through the HTTP API; resolves with the status. */
async function writePerson(url: string, n: number): Promise<number> {
  const response = await fetch(`${url}/v2025-02-19/data/mutate/production`, {
    method: 'POST',
    headers: {'content-type': 'application/json'},
    body: JSON.stringify({
      mutations: [{createOrReplace: {_id: `person-${n}`, _type: 'person', name: `Person ${n}`}}],
    }),
  })
  await response.arrayBuffer()
  return response.status
}

/** The ids a lake started in this process over `data` holds, sorted. */
async function idsAfterRestart(data: string): Promise<string[]> {
  const restarted = await startLake({data, port: 0})
  try {
    const ids: string[] = await localClient(restarted.url).fetch(
      '*[]._id',
      {},
      {perspective: 'raw'},
    )
    return ids.sort()
  } finally {
    await restarted.close()
  }
}

const newData = async () =>
  join(await mkdtemp(join(tmpdir(), 'newsroom-crash-')), 'production.ndjson')

test('lake: after kill -9 during a stream of writes, every acknowledged write is there, and only whole transactions', async () => {
  const data = await newData()
  const lake = await spawnLake(data)
  const client = localClient(served(lake))

  const acknowledged: number[] = []
  const attempted: number[] = []
  const writer = (async () => {
    for (let n = 0; ; n++) {
      attempted.push(n)
      // Each transaction writes a pair; after a crash both or neither may exist.
      await client
        .transaction()
        .create({_id: `person-${n}`, _type: 'person', name: `Person ${n}`})
        .create({_id: `newsletter-${n}`, _type: 'newsletter', title: `Letter ${n}`})
        .commit({visibility: 'sync'})
      acknowledged.push(n)
    }
  })().catch(() => undefined)

  while (acknowledged.length < 40) await new Promise((resolve) => setTimeout(resolve, 5))
  lake.child.kill('SIGKILL')
  await writer
  // Reaped, so its lock on the file is seen to be stale.
  await lake.exited

  const ids = await idsAfterRestart(data)
  const persons = ids.filter((id) => id.startsWith('person-')).map((id) => Number(id.slice(7)))
  const letters = ids.filter((id) => id.startsWith('newsletter-')).map((id) => Number(id.slice(11)))
  expect(persons.sort((a, b) => a - b)).toEqual(letters.sort((a, b) => a - b))
  for (const n of acknowledged) expect(persons).toContain(n)
  for (const n of persons) expect(attempted).toContain(n)
  expect(persons.length - acknowledged.length).toBeLessThanOrEqual(1)
}, 60_000)

test.skipIf(process.platform !== 'linux')(
  'lake: a write refused on a full disk leaves no half line, and the next acknowledged write survives kill -9',
  async () => {
    const data = await newData()
    const lake = await spawnLake(data)
    const url = served(lake)
    try {
      await limitFileSize(lake, '4096')
      const acknowledged: string[] = []
      let status = 200
      let n = 0
      for (; status === 200 && n < 200; n++) {
        status = await writePerson(url, n)
        if (status === 200) acknowledged.push(`person-${n}`)
      }
      expect(status).toBe(500)
      expect(acknowledged.length).toBeGreaterThan(3)
      // The refused write's bytes are cut away: one whole line per acknowledged write.
      const journal = await readFile(`${data}.journal`, 'utf8')
      expect(journal.endsWith('\n')).toBe(true)
      expect(journal.split('\n')).toHaveLength(acknowledged.length + 1)

      await limitFileSize(lake, 'unlimited')
      expect(await writePerson(url, n)).toBe(200)
      acknowledged.push(`person-${n}`)
      lake.child.kill('SIGKILL')
      await lake.exited
      expect(await idsAfterRestart(data)).toEqual(acknowledged.sort())
    } finally {
      lake.child.kill('SIGKILL')
    }
  },
  60_000,
)

test.skipIf(process.platform !== 'linux')(
  'lake: stopped when the dataset file cannot be written, it says so in one line, exits 1 and loses nothing',
  async () => {
    const data = await newData()
    const lake = await spawnLake(data)
    const url = served(lake)
    try {
      for (let n = 0; n < 5; n++) expect(await writePerson(url, n)).toBe(200)
      // Too small for the snapshot: the rewrite on stop fails with EFBIG.
      await limitFileSize(lake, '100')
      lake.child.kill('SIGTERM')
      expect(await lake.exited).toBe(1)
      expect(lake.stderr).toEqual([
        `lake: openLakeStore(): rewriting ${data} on close failed (EFBIG: file too large, write); ${data}.journal keeps every transaction, which the next start replays`,
      ])
      expect(await idsAfterRestart(data)).toEqual([0, 1, 2, 3, 4].map((n) => `person-${n}`))
    } finally {
      lake.child.kill('SIGKILL')
    }
  },
  60_000,
)

test('lake: a second lake on the same data file exits 2, naming the file and the first lake’s process', async () => {
  const data = await newData()
  const first = await spawnLake(data)
  const url = served(first)
  let second: LakeProcess | undefined
  try {
    second = await spawnLake(data)
    expect(second.url).toBeUndefined()
    expect(await second.exited).toBe(2)
    expect(second.stderr).toEqual([
      `lake: lockDataFile(): ${data} is in use by process ${first.child.pid}: stop it first (its lock is ${data}.lock; delete that only if no lake runs)`,
    ])
    // The first is unaffected: it serves, and what it acknowledged is written when it stops.
    expect(await writePerson(url, 1)).toBe(200)
    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    expect(await readFile(data, 'utf8')).toContain('"person-1"')
  } finally {
    first.child.kill('SIGKILL')
    second?.child.kill('SIGKILL')
  }
}, 60_000)
