import {execFile} from 'node:child_process'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {promisify} from 'node:util'

import cliConfig from '../../sanity.cli'

const run = promisify(execFile)

/** What regenerating the types found. */
export interface TypegenCheck {
  /** Whether `sanity.types.ts` was already what typegen generates. */
  current: boolean
  /** Queries typegen could not evaluate, from its own report. */
  errors: string[]
  /** The regenerated file. */
  generated: string
}

/**
 * Runs `npm run typegen` and reports whether `sanity.types.ts` changed, so a schema or query
 * change committed without regenerated types fails the tests, and which queries typegen could
 * not type. A stale file is left regenerated, ready to review and commit. (`sanity typegen
 * generate` always writes where `sanity.cli.ts` says, so there is no side-by-side generation.)
 *
 * @param root - the Studio project folder
 * @returns whether the file was current, typegen's errors and the generated file
 */
export async function checkTypegen(root: string): Promise<TypegenCheck> {
  const types = join(root, cliConfig.typegen?.generates ?? 'sanity.types.ts')
  const before = await readFile(types, 'utf8').catch(() => '')
  const {stdout, stderr} = await run('npm', ['run', '--silent', 'typegen'], {
    cwd: root,
    env: {...process.env, DO_NOT_TRACK: '1', NO_COLOR: '1', FORCE_COLOR: '0'},
  })
  const errors = `${stdout}\n${stderr}`
    .split('\n')
    .filter((line) => /Error while evaluating query/.test(line))
    .map((line) => line.replace(/^\W+/, ''))
  const generated = await readFile(types, 'utf8')
  return {current: generated === before, errors, generated}
}
