import type {ImportDependencies} from '../run/runImport'
import {runImport} from '../run/runImport'
import {collectSourceFiles} from './collectSourceFiles'
import {fileSpool} from './fileSpool'
import {mapAsync} from '../../dataset/mapAsync'
import {isArticleWrite} from '../run/isArticleWrite'
import {isFileOutcome} from '../run/isFileOutcome'
import {formatReport} from './formatReport'
import {importTimestamp} from './importTimestamp'
import {jsonReport} from './jsonReport'
import {IMPORT_USAGE, parseImportArgs, UsageError} from './parseImportArgs'
import {progressBar} from './progressBar'
import {readSourceFile} from './readSourceFile'
import {resolveTarget} from './resolveTarget'
import {summarizeOutcome} from './summarizeOutcome'
import {tallyOutcomes} from './tallyOutcomes'

/** The terminal and environment the command runs in. */
export interface CommandIo {
  stdout: (line: string) => void
  stderr: (line: string) => void
  /** Raw writes to the terminal, for the progress bar; absent when not a terminal. */
  tty?: (text: string) => void
  env: Readonly<Record<string, string | undefined>>
  now: () => Date
  /** Aborted on Ctrl-C: writes under way finish, the rest waits for the next run. */
  signal?: AbortSignal
}

/** Files beyond which a terminal gets a progress bar. */
const PROGRESS_THRESHOLD = 20

/**
 * `npm run import`: imports articles into the local dataset (or `--ndjson FILE`) and reports.
 *
 * @param argv - command-line arguments
 * @param io - output streams, environment and clock
 * @param dependencies - the validator and importer version
 * @returns the exit code: 0 every file imported (published or for review), 1 a file failed, 2
 *   usage error
 */
export async function importCommand(
  argv: readonly string[],
  io: CommandIo,
  dependencies: Pick<ImportDependencies, 'validate' | 'importerVersion'>,
): Promise<number> {
  let args
  let timestamp: string
  try {
    args = parseImportArgs(argv)
    timestamp = importTimestamp(io.env['SOURCE_DATE_EPOCH'], io.now())
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.stderr(`import: ${error.message}\n\n${IMPORT_USAGE}`)
    return 2
  }
  if (args.help) {
    io.stdout(IMPORT_USAGE)
    return 0
  }

  const files = await collectSourceFiles(args.paths)
  if (files.length === 0) {
    io.stderr(`import: no .txt or .md files in ${args.paths.join(', ')}`)
    return 1
  }
  const spools = {writes: fileSpool(isArticleWrite), outcomes: fileSpool(isFileOutcome)}
  try {
    let target
    let result
    try {
      const resolved = await resolveTarget(args, io.env, timestamp)
      target = resolved.target
      const bar =
        io.tty && !args.json && files.length > PROGRESS_THRESHOLD ? progressBar(io.tty) : undefined
      try {
        result = await runImport(files, args, {
          ...dependencies,
          ...(args.skipValidation ? {validate: skipValidation} : {}),
          readSource: readSourceFile,
          target,
          spools,
          now: () => timestamp,
          ...(bar ? {onProgress: bar.update} : {}),
          ...(io.signal ? {signal: io.signal} : {}),
        })
      } finally {
        bar?.done()
        await resolved.close()
      }
    } catch (error) {
      // The Content Lake refused or could not be reached: one line, no stack, no credentials.
      const where = target ? ` ${target.description}` : ''
      io.stderr(
        `import: writing to${where || ' the Content Lake'} failed: ${describeFailure(error)}`,
      )
      return 1
    }

    const {totals, notWritten} = await tallyOutcomes(result.outcomes)
    const failed = totals.failed > 0
    const destination = args.dryRun
      ? 'dry run, nothing written'
      : result.written
        ? `written to ${target.description}`
        : failed && args.strict
          ? `nothing written to ${target.description} (fix the failed files, or add --keep-going to write the rest)`
          : `nothing to write to ${target.description}`
    const summaries = mapAsync(result.outcomes, summarizeOutcome)
    const report = args.json
      ? jsonReport(
          {target: target.description, dryRun: args.dryRun, written: result.written, totals},
          summaries,
        )
      : formatReport(summaries, totals, destination)
    for await (const text of report) io.stdout(text)
    if (io.signal?.aborted) {
      io.stderr(
        `import: interrupted; ${notWritten} of ${files.length} files not written. Run the same command again to continue.`,
      )
      return 130
    }
    return failed ? 1 : 0
  } finally {
    await Promise.all([spools.writes.dispose(), spools.outcomes.dispose()])
  }
}

function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const line = message.split('\n')[0] ?? message
  return line.length > 300 ? `${line.slice(0, 300)}…` : line
}

/** `--skip-validation`: every document passes, as `sanity dataset import` assumes. */
async function skipValidation(documents: readonly {_id: string; _type: string}[]) {
  return documents.map(({_id, _type}) => ({documentId: _id, documentType: _type, issues: []}))
}
