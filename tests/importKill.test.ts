import {spawn} from 'node:child_process'
import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {expect, test} from 'vitest'

import {importCommand} from '../importer'
import {type RunningLake, startLake} from '../lake'
import {validateDocuments} from '../validation'
import {generateArticles} from '../bench/generateArticles'
import {localClient} from './support/localClient'

const ROOT = new URL('..', import.meta.url).pathname
const CLOCK = () => new Date('2024-08-17T00:00:00.000Z')
const EPOCH = '1723852800'

async function lakeIn(folder: string): Promise<RunningLake> {
  return startLake({
    data: join(folder, `${Math.random().toString(36).slice(2)}.ndjson`),
    port: 0,
    clock: CLOCK,
  })
}

/** Every document but the revision, which depends on how requests happened to be packed. */
async function contents(lake: RunningLake) {
  const documents: Record<string, unknown>[] = await localClient(lake.url).fetch(
    '*[] | order(_id)',
    {},
    {perspective: 'raw'},
  )
  return documents.map(({_rev: _omit, ...rest}) => rest)
}

/** Runs `npm run import` as its own process; kills it with SIGKILL once `killWhen` says so. */
function importProcess(args: string[], killWhen?: () => boolean): Promise<number | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], {
    cwd: ROOT,
    env: {...process.env, SOURCE_DATE_EPOCH: EPOCH},
    stdio: 'ignore',
  })
  const watch = killWhen && setInterval(() => killWhen() && child.kill('SIGKILL'), 2)
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      if (watch) clearInterval(watch)
      resolve(code)
    }),
  )
}

test('import: killed with SIGKILL at several points and run again, the dataset equals a clean run’s', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'newsroom-kill-'))
  const sources = join(folder, 'sources')
  await import('node:fs/promises').then(({mkdir}) => mkdir(sources))
  for (const {fileName, text} of generateArticles(500))
    await writeFile(join(sources, fileName), text)

  const clean = await lakeIn(folder)
  const killed = await lakeIn(folder)
  try {
    const quiet = {stdout: () => undefined, stderr: () => undefined, now: () => new Date()}
    expect(
      await importCommand(
        ['--api-host', clean.url, sources],
        {...quiet, env: {SOURCE_DATE_EPOCH: EPOCH}},
        {validate: validateDocuments, importerVersion: '0.1.0'},
      ),
    ).toBe(0)

    let commits = 0
    killed.lake.subscribe(() => commits++)
    // One request a second, so a kill lands between two requests of the same run.
    const args = ['--api-host', killed.url, '--rate', '1', sources]
    const started = Date.now()
    // Killed while converting and validating: nothing written yet.
    expect(await importProcess(args, () => Date.now() - started > 1500)).toBeNull()
    expect(commits).toBe(0)
    // Killed right after its first request was acknowledged, the next one waiting its turn.
    expect(await importProcess(args, () => commits >= 1)).toBeNull()
    expect(commits).toBe(1)
    // Run again, it writes only what is missing.
    expect(await importProcess(args)).toBe(0)
    expect(commits).toBeGreaterThan(1)
    expect(await contents(killed)).toEqual(await contents(clean))
  } finally {
    await clean.close()
    await killed.close()
  }
}, 180_000)
