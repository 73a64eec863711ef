import {PassThrough} from 'node:stream'

import {describe, expect, test} from 'vitest'

import {benchCommand} from '../bench/benchCommand'
import {writeRequestsCommand} from '../bench/writeRequestsCommand'
import type {CommandIo} from '../cli/command'
import {drained} from '../cli/processIo'
import {importCommand} from '../importer'
import {devCommand} from '../lake/cli/devCommand'
import {lakeCommand} from '../lake/cli/lakeCommand'
import {queryCommand} from '../queries/cli/queryCommand'
import {previewCommand} from '../render/cli/previewCommand'

type Command = (argv: readonly string[], io: CommandIo) => Promise<number>

const neverValidate = async () => {
  throw new Error('validate(): not expected for a usage error')
}

/** Every npm script's command, as its script calls it. */
const commands: {script: string; name: string; run: Command}[] = [
  {
    script: 'import',
    name: 'import',
    run: (argv, io) => importCommand(argv, io, {validate: neverValidate, importerVersion: 'test'}),
  },
  {script: 'lake', name: 'lake', run: lakeCommand},
  {script: 'dev', name: 'dev', run: devCommand},
  {script: 'query', name: 'query', run: queryCommand},
  {script: 'preview', name: 'preview', run: previewCommand},
  {script: 'bench', name: 'bench', run: benchCommand},
  {script: 'bench:writes', name: 'bench:writes', run: writeRequestsCommand},
]

async function run(command: Command, argv: string[]) {
  const stdout: string[] = []
  const stderr: string[] = []
  const code = await command(argv, {
    stdout: (text) => stdout.push(text),
    stderr: (text) => stderr.push(text),
    env: {},
  })
  return {code, stdout: stdout.join('\n'), stderr: stderr.join('\n')}
}

describe('every command', () => {
  test.each(commands)('npm run $script -- --help: the usage on stdout, exit 0', async (command) => {
    for (const flag of ['--help', '-h']) {
      const {code, stdout, stderr} = await run(command.run, [flag])
      expect(code).toBe(0)
      expect(stdout).toMatch(new RegExp(`^Usage: npm run ${command.script} `))
      expect(stderr).toBe('')
    }
  })

  test.each(commands)(
    'npm run $script -- --no-such-flag: the message and the usage on stderr, exit 2',
    async (command) => {
      const {code, stdout, stderr} = await run(command.run, ['--no-such-flag'])
      expect(code).toBe(2)
      expect(stdout).toBe('')
      expect(stderr).toMatch(new RegExp(`^${command.name}: Unknown option '--no-such-flag'`))
      expect(stderr).toContain(`\n\nUsage: npm run ${command.script} `)
    },
  )

  test.each<[string, Command, string[], string]>([
    ['lake', lakeCommand, ['--port', 'x'], 'lake: --port must be a port number, not "x"'],
    ['dev', devCommand, ['--port', '0'], 'dev: --port must be a port number, not "0"'],
    ['dev', devCommand, ['--origin', 'localhost'], 'dev: --origin: "localhost" is not an origin'],
    ['dev', devCommand, ['studio'], "dev: Unexpected argument 'studio'"],
    ['query', queryCommand, [], 'query: a GROQ query is required'],
    ['preview', previewCommand, ['--out'], "preview: Option '--out <value>' argument missing"],
    ['bench', benchCommand, ['--only', 'speed'], 'bench: no suite "speed"'],
    ['bench', benchCommand, ['--runs', '0'], 'bench: --runs takes whole numbers from 1, not "0"'],
    ['bench:writes', writeRequestsCommand, ['--n', 'many'], 'bench:writes: --n takes a whole'],
  ])('%s: a bad value (%j) exits 2, naming it', async (_, command, argv, message) => {
    const {code, stderr} = await run(command, argv)
    expect(code).toBe(2)
    expect(stderr).toContain(message)
  })

  test('import: a bad SOURCE_DATE_EPOCH exits 2, naming it, but --help still helps', async () => {
    const io = (stderr: string[]) => ({
      stdout: () => undefined,
      stderr: (text: string) => stderr.push(text),
      env: {SOURCE_DATE_EPOCH: 'yesterday'},
    })
    const deps = {validate: neverValidate, importerVersion: 'test'}
    const stderr: string[] = []
    expect(await importCommand([], io(stderr), deps)).toBe(2)
    expect(stderr.join('\n')).toContain(
      'import: SOURCE_DATE_EPOCH must be whole seconds since 1970, not "yesterday"',
    )
    expect(await importCommand(['--help'], io([]), deps)).toBe(0)
  })
})

describe('drained', () => {
  test('drained: waits while a stream holds more than its buffer, and not once it is read or gone', async () => {
    const stream = new PassThrough({highWaterMark: 4})
    let settled = false
    await drained(stream)
    stream.write('more than four bytes')
    const waiting = drained(stream).then(() => (settled = true))
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(settled).toBe(false)
    stream.read()
    await waiting
    stream.write('more than four bytes')
    const closing = drained(stream)
    stream.destroy()
    await closing
    const left = ['drain', 'close', 'error'].map((event) => stream.listenerCount(event))
    expect(left).toEqual([0, 0, 0])
  })
})
