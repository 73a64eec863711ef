import {spawn} from 'node:child_process'
import {mkdir, mkdtemp, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {expect, test} from 'vitest'

import {generateCorpus} from '../corpus/generateCorpus'
import {importCommand} from '../importer'
import {type RunningLake, startLake} from '../lake'
import {localClient} from '../lake'
import {validateDocuments} from '../validation'
import {startFakeLake} from './support/fakeLake'

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

/**
 * Runs `npm run import` as its own process, with `tmp` as its system temporary folder; kills it
 * with SIGKILL once `killWhen` says so.
 */
function importProcess(
  args: string[],
  tmp: string,
  killWhen?: () => boolean,
): Promise<{code: number | null; pid: number | undefined}> {
  const child = spawn(process.execPath, ['scripts/run.mjs', 'scripts/import.ts', ...args], {
    cwd: ROOT,
    env: {...process.env, SOURCE_DATE_EPOCH: EPOCH, TMPDIR: tmp},
    stdio: 'ignore',
  })
  const watch = killWhen && setInterval(() => killWhen() && child.kill('SIGKILL'), 2)
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      if (watch) clearInterval(watch)
      resolve({code, pid: child.pid})
    }),
  )
}

/** The spool folders of a process. */
async function spoolsOf(spools: string, pid: number | undefined): Promise<string[]> {
  const names = await readdir(spools).catch(() => [])
  return names.filter((name) => name.startsWith(`${pid}-`))
}

test('import: killed with SIGKILL at several points and run again, the dataset equals a clean run’s, and no spool is left', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'newsroom-kill-'))
  const sources = join(folder, 'sources')
  const tmp = join(folder, 'tmp')
  // The runs spool beside their --data file, though they write to --api-host.
  const data = join(folder, 'data', 'production.ndjson')
  const spools = join(folder, 'data', '.import-spool')
  await mkdir(sources)
  await mkdir(tmp)
  for (const {fileName, text} of [...generateCorpus(500)])
    await writeFile(join(sources, fileName), text)

  const clean = await lakeIn(folder)
  const killed = await lakeIn(folder)
  try {
    let cleanCommits = 0
    clean.lake.subscribe(() => cleanCommits++)
    const quiet = {stdout: () => undefined, stderr: () => undefined, now: () => new Date()}
    expect(
      await importCommand(
        ['--api-host', clean.url, '--data', data, sources],
        {...quiet, env: {SOURCE_DATE_EPOCH: EPOCH}},
        {validate: validateDocuments, importerVersion: '0.1.0'},
      ),
    ).toBe(0)

    let commits = 0
    killed.lake.subscribe(() => commits++)
    // One request a second, so a kill lands between two requests of the same run.
    const args = ['--api-host', killed.url, '--rate', '1', '--data', data, sources]
    // Killed while deciding its first batch, its first question to the lake unanswered: nothing
    // written yet, however fast the machine converts.
    const silent = await startFakeLake(() => 'hang')
    const asked = ['--api-host', silent.url, '--rate', '1', '--data', data, sources]
    const first = await importProcess(asked, tmp, () => silent.requests.length > 0).finally(
      silent.close,
    )
    expect(first.code).toBeNull()
    // Its first request read which slugs are taken: it had converted a batch and written none.
    expect(silent.requests[0]).toMatchObject({method: 'GET', path: '/data/query/production'})
    // Killed right after its first request was acknowledged, the next one waiting its turn.
    const second = await importProcess(args, tmp, () => commits >= 1)
    expect(second.code).toBeNull()
    // That request's transactions (one per article it carried), or on a loaded machine a few
    // requests' more: well short of the whole run's.
    expect(commits).toBeGreaterThanOrEqual(1)
    expect(commits).toBeLessThan(cleanCommits / 2)
    // Its report spool stays behind, as a killed process cannot remove it (writes to a lake are
    // sent as files are decided, not spooled); none of the first run’s do.
    expect(await spoolsOf(spools, second.pid)).toHaveLength(1)
    expect(await spoolsOf(spools, first.pid)).toEqual([])
    // Run again, it writes only what is missing, and removes what the killed run left.
    expect((await importProcess(args, tmp)).code).toBe(0)
    expect(commits).toBeGreaterThan(1)
    expect(await contents(killed)).toEqual(await contents(clean))
    expect(await readdir(spools)).toEqual([])
    // Nothing of the importer's went to the system's temporary folder: only the caches of tsx
    // and of jiti (which loads the Studio config for validation), kept for the next run.
    const caches = /^(tsx-.*|jiti)$/
    expect((await readdir(tmp)).filter((name) => !caches.test(name))).toEqual([])
  } finally {
    await clean.close()
    await killed.close()
    await rm(folder, {recursive: true, force: true})
  }
}, 180_000)
