import {execFile} from 'node:child_process'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {promisify} from 'node:util'

import cliConfig from '../../sanity.cli'

const run = promisify(execFile)

/**
 * Runs `npm run typegen` and reports whether `sanity.types.ts` changed, so a schema or query
 * change committed without regenerated types fails the tests. A stale file is left regenerated,
 * ready to review and commit. (`sanity typegen generate` always writes where `sanity.cli.ts`
 * says, so there is no side-by-side generation to compare against instead.)
 *
 * @param root - the Studio project folder
 * @returns true when the types on disk were already current
 */
export async function isTypegenCurrent(root: string): Promise<boolean> {
  const types = join(root, cliConfig.typegen?.generates ?? 'sanity.types.ts')
  const before = await readFile(types, 'utf8').catch(() => '')
  await run('npm', ['run', '--silent', 'typegen'], {
    cwd: root,
    env: {...process.env, DO_NOT_TRACK: '1'},
  })
  return (await readFile(types, 'utf8')) === before
}
