import {execFile} from 'node:child_process'
import {promisify} from 'node:util'

const run = promisify(execFile)

/**
 * Runs `sanity schema validate` and fails on any problem, warnings included: a warning today
 * (an unknown option, a missing preview) is a broken Studio after the next upgrade.
 *
 * @param root - the Studio project folder
 * @returns the problems found, empty when the schema is clean
 */
export async function checkSchema(root: string): Promise<string[]> {
  const {stdout} = await run('npx', ['sanity', 'schema', 'validate', '--format', 'json'], {
    cwd: root,
    env: {...process.env, DO_NOT_TRACK: '1'},
  })
  const groups: unknown = JSON.parse(stdout)
  if (!Array.isArray(groups))
    throw new Error('checkSchema(): unexpected `sanity schema validate` output')
  return groups.flatMap((group) => describeGroup(group))
}

function describeGroup(group: unknown): string[] {
  if (typeof group !== 'object' || group === null || !('problems' in group))
    return [JSON.stringify(group)]
  const path =
    'path' in group && Array.isArray(group.path) ? group.path.map(describeStep).join('.') : ''
  const problems = Array.isArray(group.problems) ? group.problems : []
  return problems.map((problem) => `${path}: ${JSON.stringify(problem)}`)
}

function describeStep(step: unknown): string {
  if (typeof step === 'object' && step !== null && 'name' in step) return String(step.name)
  return String(step)
}
