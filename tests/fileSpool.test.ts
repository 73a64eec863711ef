import {spawn} from 'node:child_process'
import {mkdir, mkdtemp, readdir} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {expect, test} from 'vitest'

import {fileSpool, removeStaleSpools, spoolDirectory} from '../importer/cli/fileSpool'

const isText = (value: unknown): value is string => typeof value === 'string'

/** The id of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''])
  await new Promise((resolve) => child.once('exit', resolve))
  if (child.pid === undefined) throw new Error('deadPid(): the child did not start')
  return child.pid
}

test('spoolDirectory: a hidden folder beside the dataset file', () => {
  expect(spoolDirectory('data/production.ndjson')).toBe('data/.import-spool')
  expect(spoolDirectory('/tmp/x/staging.ndjson')).toBe('/tmp/x/.import-spool')
})

test('fileSpool: makes its folder, named after this process, on the first write', async () => {
  const directory = join(await mkdtemp(join(tmpdir(), 'newsroom-spool-')), '.import-spool')
  const spool = fileSpool(isText, directory)
  await expect(readdir(directory)).rejects.toThrow(/ENOENT/)
  await spool.append(['a', 'b'])
  const [folder, ...others] = await readdir(directory)
  expect(others).toEqual([])
  expect(folder).toMatch(new RegExp(`^${process.pid}-[0-9a-f]{12}$`))
  await spool.dispose()
  expect(await readdir(directory)).toEqual([])
})

test('removeStaleSpools: removes the folders of processes that are gone, and no other', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'newsroom-spool-'))
  const dead = await deadPid()
  const live = fileSpool(isText, directory)
  await live.append(['in use'])
  const [liveFolder] = await readdir(directory)
  const stale = [`${dead}-abcdef012345`]
  // Another spool of this process, perhaps another import's, and a running process's.
  const kept = [`${process.pid}-000000000000`, `${process.ppid}-abcdef012345`, 'notes']
  for (const name of [...stale, ...kept]) await mkdir(join(directory, name))

  expect((await removeStaleSpools(directory)).sort()).toEqual([...stale].sort())
  expect((await readdir(directory)).sort()).toEqual([...kept, liveFolder].sort())
  const read = []
  for await (const item of live.read()) read.push(item)
  expect(read).toEqual(['in use'])
  await live.dispose()
  expect(await removeStaleSpools(join(directory, 'missing'))).toEqual([])
})
