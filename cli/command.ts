import {parseArgs, type ParseArgsConfig} from 'node:util'

/**
 * What a command runs with: its output, environment, clock and stop signal. The npm scripts
 * pass the process's (`processIo()` in cli/processIo.ts); tests pass their own.
 */
export interface CommandIo {
  /** Writes the command's output, a line (or a block of lines) at a time. */
  stdout: (text: string) => void
  /**
   * Resolves once standard output has taken what was written to it. A command that writes
   * thousands of lines waits for it now and then: output to a pipe read slowly is otherwise held
   * in memory until it is read. Absent where output is never held, as in tests.
   */
  stdoutDrained?: () => Promise<void>
  /** Writes diagnostics: errors, warnings, usage errors. */
  stderr: (text: string) => void
  /** Raw writes to the terminal, for a progress bar; absent when standard error is not one. */
  tty?: (text: string) => void
  /** The environment the command reads its settings from. */
  env: Readonly<Record<string, string | undefined>>
  /** The current time; the system clock when absent. */
  now?: () => Date
  /**
   * Aborted when the command is asked to stop (Ctrl-C, SIGTERM): it finishes what is under way
   * and returns. A command that serves until stopped serves for good without one.
   */
  signal?: AbortSignal
}

/** A mistake in a command's arguments or environment: the command prints its usage, exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** A command's arguments, read and checked; a request for help; or what is wrong with them. */
export type ParsedArgs<A> = {args: A} | {help: true} | {usageError: string}

/** A command's name, as its messages begin, and its usage text. */
export interface CommandUsage {
  name: string
  usage: string
}

type Options = NonNullable<ParseArgsConfig['options']>

/** What {@link parseCommandLine} reads: `values` typed by the options, and `positionals`. */
export type CommandLine<O extends Options> = ReturnType<
  typeof parseArgs<{args: string[]; options: O; strict: true; allowPositionals: boolean}>
>

/**
 * Node's `parseArgs`, strict: an unknown option, a missing value or (unless allowed) a
 * positional argument is a {@link UsageError} with Node's message, which names the argument.
 *
 * @param argv - the arguments after the script name
 * @param options - the options, as `parseArgs` takes them
 * @param allowPositionals - whether arguments other than options are allowed
 * @returns the parsed values and positionals
 * @throws UsageError for anything `parseArgs` refuses
 */
export function parseCommandLine<const O extends Options>(
  argv: readonly string[],
  options: O,
  allowPositionals = false,
): CommandLine<O> {
  try {
    return parseArgs({args: [...argv], options, strict: true, allowPositionals})
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}

/**
 * Runs a command's argument reader, turning the {@link UsageError} it throws into a result.
 *
 * @param read - reads and checks the arguments, throwing UsageError for a mistake
 * @returns the arguments, a request for help, or the mistake
 */
export function checkArgs<A>(read: () => {args: A} | {help: true}): ParsedArgs<A> {
  try {
    return read()
  } catch (error) {
    if (error instanceof UsageError) return {usageError: error.message}
    throw error
  }
}

/**
 * What every command does with its arguments before it runs: on `--help`, prints the usage on
 * stdout; on a mistake, prints `<command>: <message>` and the usage on stderr.
 *
 * @param command - the command's name and usage text
 * @param parsed - its arguments, as its parser read them
 * @param io - where to print
 * @returns the arguments to run with, or the exit code to return at once: 0 after help, 2
 *   after a mistake
 */
export function commandArgs<A>(
  command: CommandUsage,
  parsed: ParsedArgs<A>,
  io: Pick<CommandIo, 'stdout' | 'stderr'>,
): {args: A} | {exitCode: 0 | 2} {
  if ('usageError' in parsed) {
    io.stderr(`${command.name}: ${parsed.usageError}\n\n${command.usage}`)
    return {exitCode: 2}
  }
  if ('help' in parsed) {
    io.stdout(command.usage)
    return {exitCode: 0}
  }
  return parsed
}
