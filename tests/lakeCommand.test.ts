import {mkdtemp} from 'node:fs/promises'
import {createServer} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {describe, expect, test} from 'vitest'

import {openLakeStore} from '../lake'
import {lakeCommand} from '../lake/cli/lakeCommand'
import {LAKE_USAGE, parseLakeArgs} from '../lake/cli/parseLakeArgs'

async function dataFile(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'newsroom-lake-command-')), 'production.ndjson')
}

/** Runs the command in-process; `stop` ends it as Ctrl-C would. */
function runLake(argv: string[], env: Record<string, string> = {}) {
  const stdout: string[] = []
  const stderr: string[] = []
  const stopper = new AbortController()
  const stop = () => stopper.abort()
  const exitCode = lakeCommand(argv, {
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
    env,
    signal: stopper.signal,
  })
  /** Resolves with the lake's URL once it serves. */
  const serving = async (): Promise<string> => {
    for (let tries = 0; tries < 200; tries++) {
      const url = stdout.map((line) => /at (http:\/\/\S+)$/.exec(line)?.[1]).find(Boolean)
      if (url) return url
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    throw new Error(`the lake did not start: ${stderr.join('\n')}`)
  }
  return {stdout, stderr, stop, exitCode, serving}
}

describe('parseLakeArgs', () => {
  test.each<[string, string[], Record<string, string>, Record<string, unknown>]>([
    [
      'defaults',
      [],
      {},
      {port: 3334, data: 'data/production.ndjson', dataset: 'production', origins: []},
    ],
    [
      'origins from flags and LAKE_ORIGINS, a trailing slash dropped',
      ['--origin', 'http://localhost:5173/', '--origin', 'https://studio.localhost:8443'],
      {LAKE_ORIGINS: 'http://127.0.0.1:4000, http://localhost:4000'},
      {
        origins: [
          'http://localhost:5173',
          'https://studio.localhost:8443',
          'http://127.0.0.1:4000',
          'http://localhost:4000',
        ],
      },
    ],
    ['a query timeout in seconds', ['--query-timeout', '2.5'], {}, {queryTimeoutMs: 2_500}],
    ['the default query timeout', [], {}, {queryTimeoutMs: 20_000}],
    ['a token from LAKE_TOKEN', ['--host', '0.0.0.0'], {LAKE_TOKEN: 's3cret'}, {token: 's3cret'}],
    [
      'faults with their seed',
      [],
      {LAKE_FAULTS: '429:0.5', LAKE_FAULTS_SEED: '7'},
      {faults: {spec: '429:0.5', seed: 7, plan: expect.objectContaining({tooManyRequests: 0.5})}},
    ],
  ])('parseLakeArgs: reads %s', (_, argv, env, expected) => {
    const parsed = parseLakeArgs(argv, env)
    expect(parsed).toEqual({args: expect.objectContaining(expected)})
  })

  test.each<[string, string[], Record<string, string>, string]>([
    ['an origin with a path', ['--origin', 'http://localhost:5173/studio'], {}, '--origin: "http'],
    ['an origin that is not http', ['--origin', 'file:///tmp'], {}, '--origin: "file'],
    ['a bare host name', ['--origin', 'localhost:5173'], {}, 'is not an origin'],
    ['a bad LAKE_ORIGINS entry', [], {LAKE_ORIGINS: 'http://ok:1,*'}, 'LAKE_ORIGINS: "*"'],
    ['a zero query timeout', ['--query-timeout', '0'], {}, '--query-timeout takes seconds'],
    ['a word for a timeout', ['--query-timeout', 'soon'], {}, 'not "soon"'],
    ['a port out of range', ['--port', '70000'], {}, '--port must be a port number'],
    ['an unknown flag', ['--orign', 'x'], {}, "Unknown option '--orign'"],
    ['a bad fault plan', [], {LAKE_FAULTS: '429:2'}, 'LAKE_FAULTS: "429:2"'],
    ['a bad fault seed', [], {LAKE_FAULTS: '429:0.1', LAKE_FAULTS_SEED: 'x'}, 'LAKE_FAULTS_SEED'],
  ])('parseLakeArgs: refuses %s, naming it', (_, argv, env, message) => {
    const parsed = parseLakeArgs(argv, env)
    expect('usageError' in parsed && parsed.usageError).toContain(message)
  })
})

describe('lakeCommand', () => {
  test('lakeCommand: a bad flag exits 2 with the usage text', async () => {
    const run = runLake(['--query-timeout', 'forever'])
    expect(await run.exitCode).toBe(2)
    expect(run.stderr.join('\n')).toContain('lake: --query-timeout takes seconds')
    expect(run.stderr.join('\n')).toContain(LAKE_USAGE)
  })

  test('lakeCommand: --help prints the usage and exits 0', async () => {
    const run = runLake(['--help'])
    expect(await run.exitCode).toBe(0)
    expect(run.stdout).toEqual([LAKE_USAGE])
  })

  test('lakeCommand: a port already taken exits 2, naming it, and leaves the data file free', async () => {
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const address = taken.address()
    if (typeof address !== 'object' || address === null) throw new Error('no port')
    const data = await dataFile()
    try {
      const run = runLake(['--port', String(address.port), '--data', data])
      expect(await run.exitCode).toBe(2)
      expect(run.stderr.join('\n')).toContain(`EADDRINUSE`)
      // The failed lake let go of the data file: another may open it at once.
      const store = await openLakeStore(data)
      await store.close()
    } finally {
      taken.close()
    }
  })

  test('lakeCommand: --origin lets that page in and no other; stopping exits 0', async () => {
    const data = await dataFile()
    const run = runLake(['--port', '0', '--data', data, '--origin', 'http://localhost:5173'])
    const url = await run.serving()
    expect(run.stdout).toContain('  browsers may also call it from http://localhost:5173')
    const ping = (origin: string) =>
      fetch(`${url}/v2025-02-19/data/query/production?query=count(*)`, {headers: {origin}})
    const allowed = await ping('http://localhost:5173')
    expect(allowed.status).toBe(200)
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect((await ping('http://localhost:5174')).status).toBe(403)
    run.stop()
    expect(await run.exitCode).toBe(0)
    expect(run.stdout.at(-1)).toBe('Local Content Lake stopped; dataset written.')
  })
})
