import {spawn} from 'node:child_process'
import {once} from 'node:events'
import {
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'

import {afterEach, beforeEach, describe, expect, test} from 'vitest'

const ROOT = new URL('..', import.meta.url).pathname

let project: string

/** A project of its own with `scripts/run.mjs`, esbuild and tsx, so its cache is its own. */
beforeEach(async () => {
  project = await mkdtemp(join(tmpdir(), 'run-'))
  await mkdir(join(project, 'scripts'))
  await mkdir(join(project, 'node_modules'))
  await mkdir(join(project, 'lib'))
  for (const script of ['run.mjs', 'loadTypeScript.mjs']) {
    await copyFile(join(ROOT, 'scripts', script), join(project, 'scripts', script))
  }
  for (const name of ['esbuild', 'tsx']) {
    await symlink(join(ROOT, 'node_modules', name), join(project, 'node_modules', name))
  }
  await writeFile(
    join(project, 'lib/where.ts'),
    `// where import.meta.url points\n` +
      `export const where: string = import.meta.url\n` +
      `export const words: string = "import.meta.url"\n`,
  )
  await writeFile(
    join(project, 'main.ts'),
    `import {where, words} from './lib/where'\n` +
      `const args: string[] = process.argv.slice(2)\n` +
      `process.stdout.write(JSON.stringify({args, where, words, entry: process.argv[1]}))\n`,
  )
})

afterEach(() => rm(project, {recursive: true, force: true}))

function run(args: string[]): Promise<{code: number | null; stdout: string; stderr: string}> {
  const child = spawn(process.execPath, ['scripts/run.mjs', ...args], {cwd: project})
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) => child.once('close', (code) => resolve({code, stdout, stderr})))
}

/** The throw-away project's bundle cache. */
function cache(): string {
  return join(project, 'node_modules/.cache/newsroom-run')
}

async function manifest(): Promise<unknown> {
  return JSON.parse(await readFile(join(cache(), 'main.json'), 'utf8'))
}

async function builds(): Promise<string[]> {
  const entries = await readdir(cache())
  return entries.filter((entry) => entry.startsWith('main@')).sort()
}

/** Rewrites `lib/where.ts` so that `where` is a fixed text. */
function editWhere(where: string): Promise<void> {
  return writeFile(
    join(project, 'lib/where.ts'),
    `export const where: string = '${where}'\nexport const words = ''\n`,
  )
}

/** Writes a package into the throw-away project's node_modules: its manifest and `index.js`. */
async function writePackage(
  name: string,
  version: string,
  index: string,
  type: 'commonjs' | 'module' = 'commonjs',
): Promise<void> {
  const folder = join(project, 'node_modules', name)
  await mkdir(folder, {recursive: true})
  await writeFile(
    join(folder, 'package.json'),
    JSON.stringify({name, version, type, main: 'index.js'}),
  )
  await writeFile(join(folder, 'index.js'), index)
}

describe('scripts/run.mjs', () => {
  test('run: runs FILE with ARGS, each module knowing its source file’s URL', async () => {
    const {code, stdout, stderr} = await run(['main.ts', '--flag', 'value'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toEqual({
      args: ['--flag', 'value'],
      where: pathToFileURL(join(project, 'lib/where.ts')).href,
      // The code's `import.meta.url` is replaced, not the words in a string.
      words: 'import.meta.url',
      entry: join(project, 'main.ts'),
    })
    expect(await builds()).toHaveLength(1)
  })

  test('run: keeps a regular expression with \\p{…} a literal, not a RegExp built at each call', async () => {
    await writeFile(
      join(project, 'main.ts'),
      `const capital = (word: string): boolean => /^\\p{Lu}/u.test(word)\n` +
        `process.stdout.write(String(capital('Émile')))\n`,
    )
    const {code, stdout} = await run(['main.ts'])
    expect(code).toBe(0)
    expect(stdout).toBe('true')
    const [build = ''] = await builds()
    const bundled = await readFile(join(cache(), build, 'main.mjs'), 'utf8')
    expect(bundled).toContain('/^\\p{Lu}/u.test(word)')
    expect(bundled).not.toContain('new RegExp')
  })

  test('run: bundles the packages FILE imports, but for those kept outside', async () => {
    // A CommonJS package that requires a Node module, and an ES one that reads its own URL.
    await writePackage(
      'cjs-words',
      '1.0.0',
      `exports.words = require('node:path').join('a', 'b')\n`,
    )
    await writePackage('esm-where', '1.0.0', `export const where = import.meta.url\n`, 'module')
    // Kept outside: Node loads it from its own file.
    await writePackage('react', '19.0.0', `exports.outside = true\n`)
    await writeFile(
      join(project, 'main.ts'),
      `import {words} from 'cjs-words'\n` +
        `import {where} from 'esm-where'\n` +
        `import {outside} from 'react'\n` +
        `process.stdout.write(JSON.stringify({words, where, outside}))\n`,
    )
    const {code, stdout, stderr} = await run(['main.ts'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toEqual({
      words: 'a/b',
      where: pathToFileURL(join(project, 'node_modules/esm-where/index.js')).href,
      outside: true,
    })
    const [build = ''] = await builds()
    const bundled = await readFile(join(cache(), build, 'main.mjs'), 'utf8')
    expect(bundled).toContain('exports.words =')
    expect(bundled).not.toContain('exports.outside = true')
    expect(bundled).toMatch(/from ["']react["']/)
  })

  test('run: builds again when a bundled package’s version changes, not for each of its files', async () => {
    await writePackage('cjs-words', '1.0.0', `exports.words = 'one'\n`)
    await writeFile(
      join(project, 'main.ts'),
      `import {words} from 'cjs-words'\nprocess.stdout.write(words)\n`,
    )
    expect((await run(['main.ts'])).stdout).toBe('one')
    expect(await manifest()).toMatchObject({
      inputs: expect.arrayContaining(['node_modules/cjs-words/package.json']),
    })
    expect(await manifest()).not.toMatchObject({
      inputs: expect.arrayContaining(['node_modules/cjs-words/index.js']),
    })
    await writePackage('cjs-words', '1.0.1', `exports.words = 'two'\n`)
    expect((await run(['main.ts'])).stdout).toBe('two')
    expect(await builds()).toHaveLength(2)
  })

  test('run: reuses the bundle until a file it was built from changes', async () => {
    await run(['main.ts'])
    const first = await manifest()
    expect((await run(['main.ts', 'again'])).stdout).toContain('"args":["again"]')
    expect(await manifest()).toEqual(first)
    await editWhere('edited')
    const {stdout} = await run(['main.ts'])
    expect(JSON.parse(stdout)).toMatchObject({where: 'edited'})
    expect(await manifest()).not.toEqual(first)
    // The replaced bundle stays a while for runs still loading from it.
    expect(await builds()).toHaveLength(2)
  })

  test('run: a replaced bundle is kept an hour from when it was replaced, then removed', async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000)
    await run(['main.ts'])
    const [first = ''] = await builds()
    // Built long ago, replaced only now: a run started from it may still load its chunks.
    await utimes(join(cache(), first), twoHoursAgo, twoHoursAgo)
    await editWhere('second')
    await run(['main.ts'])
    expect(await builds()).toContain(first)
    // Replaced two hours ago: gone at the next build.
    await utimes(join(cache(), first), twoHoursAgo, twoHoursAgo)
    await editWhere('third')
    expect(JSON.parse((await run(['main.ts'])).stdout)).toMatchObject({where: 'third'})
    expect(await builds()).not.toContain(first)
    expect(await builds()).toHaveLength(2)
  })

  test('run: sees an edit that keeps the file’s size and modification time', async () => {
    const file = join(project, 'lib/where.ts')
    await editWhere('first')
    const before = await stat(file)
    expect(JSON.parse((await run(['main.ts'])).stdout)).toMatchObject({where: 'first'})
    // 'again' is as long as 'first', so the size stays too.
    await editWhere('again')
    await utimes(file, before.atime, before.mtime)
    expect(JSON.parse((await run(['main.ts'])).stdout)).toMatchObject({where: 'again'})
  })

  test('run: builds again when the project has moved, so modules know their new place', async () => {
    await run(['main.ts'])
    const moved = `${project}-moved`
    await rename(project, moved)
    project = moved
    const {code, stdout} = await run(['main.ts'])
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({
      where: pathToFileURL(join(moved, 'lib/where.ts')).href,
    })
  })

  test('run: builds again when the cached bundle has been removed', async () => {
    await run(['main.ts'])
    for (const build of await builds()) {
      await rm(join(cache(), build), {recursive: true})
    }
    const {code, stdout} = await run(['main.ts', 'back'])
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({args: ['back']})
  })

  test('run: an error thrown by FILE is reported at its line in the TypeScript source', async () => {
    await writeFile(
      join(project, 'throws.ts'),
      `const reason: string = 'no such article'\n\nthrow new Error(reason)\n`,
    )
    const {code, stderr} = await run(['throws.ts'])
    expect(code).toBe(1)
    expect(stderr).toContain('Error: no such article')
    expect(stderr).toContain(`${join(project, 'throws.ts')}:3`)
  })

  test('run: a FILE that does not compile exits 1, naming it and the line', async () => {
    await writeFile(join(project, 'broken.ts'), `const ok = 1\nconst = 2\n`)
    const {code, stdout, stderr} = await run(['broken.ts'])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toContain('run: cannot build broken.ts')
    expect(stderr).toContain('broken.ts:2:')
  })

  test('run: where the cache cannot be written, FILE runs through tsx', async () => {
    await writeFile(join(project, 'node_modules/.cache'), 'not a folder')
    const {code, stdout} = await run(['main.ts', 'x'])
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({
      args: ['x'],
      where: pathToFileURL(join(project, 'lib/where.ts')).href,
    })
  })

  test.each([
    [[], 'run: a FILE is required'],
    [['--no-such-flag', 'main.ts'], "run: Unknown option '--no-such-flag'"],
    [['missing.ts'], 'run: "missing.ts" is not a TypeScript file in'],
    [['lib'], 'run: "lib" is not a TypeScript file in'],
  ])('run: %j exits 2 with the message and the usage', async (args, message) => {
    const {code, stdout, stderr} = await run(args)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
    expect(stderr).toContain('\n\nUsage: node scripts/run.mjs FILE')
  })

  test('importTypeScript: worker threads of one process building the same bundle at once all load it', async () => {
    await writeFile(
      join(project, 'worker.mjs'),
      `import {importTypeScript} from './scripts/loadTypeScript.mjs'\n` +
        `await importTypeScript(new URL('./main.ts', import.meta.url).pathname)\n`,
    )
    await writeFile(
      join(project, 'threads.mjs'),
      `import {Worker} from 'node:worker_threads'\n` +
        `import {once} from 'node:events'\n` +
        `const workers = Array.from({length: 8}, () => new Worker(new URL('./worker.mjs', import.meta.url), {stdout: true}))\n` +
        `const codes = await Promise.all(workers.map(async (worker) => (await once(worker, 'exit'))[0]))\n` +
        `process.stdout.write(JSON.stringify(codes))\n`,
    )
    const child = spawn(process.execPath, ['threads.mjs'], {cwd: project})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const [code] = await once(child, 'close')
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toEqual([0, 0, 0, 0, 0, 0, 0, 0])
    expect(await manifest()).toMatchObject({build: expect.stringMatching(/^main@/)})
  })

  test('run: --help prints the usage and exits 0', async () => {
    const {code, stdout, stderr} = await run(['--help'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Usage: node scripts\/run\.mjs FILE/)
    expect(stderr).toBe('')
  })
})
