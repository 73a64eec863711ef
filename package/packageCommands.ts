import {
  checkArgs,
  commandArgs,
  type CommandIo,
  parseCommandLine,
  type ParsedArgs,
} from '../cli/command'
import {buildPackage, PACKAGE_OUT} from './buildPackage'
import {checkPackage} from './checkPackage'

/** Usage text of `npm run build:package`. */
export const BUILD_PACKAGE_USAGE = `Usage: npm run build:package

Builds the installable package into ${PACKAGE_OUT}/: the plugin (.), the converter (./import) and
the renderers (./render) as browser-ready ES modules, with their type declarations. npm pack
runs it first.

Options:
  -h, --help   show this help

Exit codes: 0 built, 1 the build failed, 2 usage error.`

/** Usage text of `npm run check:package`. */
export const CHECK_PACKAGE_USAGE = `Usage: npm run check:package

Packs the package and installs the tarball into a fresh Studio, then type-checks that Studio's
configuration, converts and renders an article through the package in plain Node, and runs
sanity schema validate and sanity build there.

Options:
  -h, --help   show this help

Exit codes: 0 every step passed, 1 a step failed, 2 usage error.`

/**
 * Reads the arguments of a command that takes none but `--help`.
 *
 * @param argv - the arguments after the script name
 * @returns nothing to run with, a request for help, or the mistake
 */
export function parseNoArgs(argv: readonly string[]): ParsedArgs<Record<string, never>> {
  return checkArgs<Record<string, never>>(() => {
    const {values} = parseCommandLine(argv, {help: {type: 'boolean', short: 'h'}})
    return values.help ? {help: true} : {args: {}}
  })
}

/**
 * `npm run build:package`: builds the package into `lib/`.
 *
 * @param argv - no arguments but `--help`
 * @param io - output
 * @param root - the project's folder
 * @returns the exit code: 0 built, 1 failed, 2 usage error
 */
export async function buildPackageCommand(
  argv: readonly string[],
  io: CommandIo,
  root: string,
): Promise<number> {
  const read = commandArgs(
    {name: 'build:package', usage: BUILD_PACKAGE_USAGE},
    parseNoArgs(argv),
    io,
  )
  if ('exitCode' in read) return read.exitCode
  try {
    await buildPackage(root)
  } catch (error) {
    io.stderr(error instanceof Error ? error.message : String(error))
    return 1
  }
  io.stdout(`build:package: built ${PACKAGE_OUT}/`)
  return 0
}

/**
 * `npm run check:package`: the package as a fresh Studio installs and builds it.
 *
 * @param argv - no arguments but `--help`
 * @param io - output
 * @param root - the project's folder
 * @returns the exit code: 0 every step passed, 1 one failed, 2 usage error
 */
export async function checkPackageCommand(
  argv: readonly string[],
  io: CommandIo,
  root: string,
): Promise<number> {
  const read = commandArgs(
    {name: 'check:package', usage: CHECK_PACKAGE_USAGE},
    parseNoArgs(argv),
    io,
  )
  if ('exitCode' in read) return read.exitCode
  const steps = await checkPackage(root, (line) => io.stdout(`check:package: ${line}`))
  for (const step of steps) {
    if (step.ok) io.stdout(`✔ ${step.name}`)
    else io.stderr(`✖ ${step.name}\n${step.output ?? ''}`)
  }
  return steps.every((step) => step.ok) ? 0 : 1
}
