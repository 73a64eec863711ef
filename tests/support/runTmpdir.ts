import {mkdir, mkdtemp, rm} from 'node:fs/promises'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

/**
 * Vitest global setup: before the workers start, points the temp folder (`TMPDIR`, `TMP` and
 * `TEMP`, so `os.tmpdir()`) of the tests and of the processes they spawn at a folder of this run
 * under the project's ignored `tmp/`, and removes that folder when the run ends, so a test run
 * leaves nothing in the system's temp folder.
 *
 * @returns the teardown, which restores the environment and removes the folder
 */
export default async function setup(): Promise<() => Promise<void>> {
  const root = fileURLToPath(new URL('../../tmp/', import.meta.url))
  await mkdir(root, {recursive: true})
  const folder = await mkdtemp(join(root, 'vitest-'))
  const saved = {
    TMPDIR: process.env['TMPDIR'],
    TMP: process.env['TMP'],
    TEMP: process.env['TEMP'],
  }
  for (const name of Object.keys(saved)) process.env[name] = folder
  return async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
    // Retried: a child process a test killed may still be closing files in there.
    await rm(folder, {recursive: true, force: true, maxRetries: 5})
  }
}
