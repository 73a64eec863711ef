import {commandArgs, type CommandIo} from '../../cli/command'
import {mapAsync} from '../../dataset/ndjson'
import {isArticleWrite} from '../plan/planImport'
import {isFileOutcome} from '../run/decideFiles'
import type {ImportDependencies} from '../run/runImport'
import {runImport} from '../run/runImport'
import {collectSourceFiles} from './collectSourceFiles'
import {fileSpool, removeStaleSpools, spoolDirectory} from './fileSpool'
import {IMPORT_USAGE, parseImportArgs} from './parseImportArgs'
import {progressBar} from './progressBar'
import {readSourceFile} from './readSourceFile'
import {
  countOutcomes,
  formatReport,
  joinLines,
  jsonReport,
  summarizeOutcome,
  type Tally,
  tallyOutcomes,
} from './report'
import {resolveTarget} from './resolveTarget'
import {startConversionWorker} from './startConversionWorker'

export type {CommandIo} from '../../cli/command'

/** What `npm run import` is given besides its arguments and io. */
export interface ImportCommandDependencies extends Required<
  Pick<ImportDependencies, 'validate' | 'importerVersion'>
> {
  /**
   * Called once the arguments are read, when the run will validate: a validator that is slow to
   * load can start beside the rest of the start-up instead of at the first batch.
   */
  prepareValidation?: () => void
}

/** Files beyond which a terminal gets a progress bar. */
const PROGRESS_THRESHOLD = 20
/**
 * Files from which they are converted on a worker thread: below, starting one costs more than
 * it saves.
 */
const CONVERSION_WORKER_THRESHOLD = 2000

/**
 * `npm run import`: imports articles into the local dataset (or `--ndjson FILE`) and reports.
 *
 * @param argv - command-line arguments
 * @param io - output, environment, clock and the stop signal (Ctrl-C: writes under way finish,
 *   the rest waits for the next run)
 * @param dependencies - the validator (and how to start loading it) and the importer version
 * @returns the exit code: 0 every file imported (published or for review), 1 a file failed, 2
 *   usage error
 */
export async function importCommand(
  argv: readonly string[],
  io: CommandIo,
  dependencies: ImportCommandDependencies,
): Promise<number> {
  const read = commandArgs({name: 'import', usage: IMPORT_USAGE}, parseImportArgs(argv, io.env), io)
  if ('exitCode' in read) return read.exitCode
  const {args} = read
  const {prepareValidation, validate, ...runDependencies} = dependencies
  if (!args.skipValidation) prepareValidation?.()
  const timestamp = args.fixedTime ?? (io.now?.() ?? new Date()).toISOString()

  const files = await collectSourceFiles(args.paths)
  if (files.length === 0) {
    io.stderr(`import: no .txt or .md files in ${args.paths.join(', ')}`)
    return 1
  }
  // What imports killed earlier left behind goes before this run adds its own.
  const spoolFolder = spoolDirectory(args.data)
  await removeStaleSpools(spoolFolder)
  const spools = {
    writes: fileSpool(isArticleWrite, spoolFolder),
    outcomes: fileSpool(isFileOutcome, spoolFolder),
  }
  try {
    let target
    let result
    try {
      const resolved = await resolveTarget(args, io.env, timestamp)
      target = resolved.target
      const bar =
        io.tty && !args.json && files.length > PROGRESS_THRESHOLD ? progressBar(io.tty) : undefined
      const converter =
        files.length >= CONVERSION_WORKER_THRESHOLD
          ? // Split, the articles' bodies are sent as the worker serialised them; a run that
            // validates has the worker screen them too, so it reads none whole to validate it.
            startConversionWorker({splitArticles: true, prescreen: !args.skipValidation})
          : undefined
      try {
        result = await runImport(files, args, {
          ...runDependencies,
          // --skip-validation: every document passes, as `sanity dataset import` assumes.
          ...(args.skipValidation ? {} : {validate}),
          readSource: readSourceFile,
          ...(converter ? {converter} : {}),
          target,
          spools,
          now: () => timestamp,
          ...(bar ? {onProgress: bar.update} : {}),
          ...(io.signal ? {signal: io.signal} : {}),
        })
      } finally {
        bar?.done()
        await Promise.all([resolved.close(), converter?.close()])
      }
    } catch (error) {
      // The Content Lake refused or could not be reached: one line, no stack, no credentials.
      const where = target ? ` ${target.description}` : ''
      io.stderr(
        `import: writing to${where || ' the Content Lake'} failed: ${describeFailure(error)}`,
      )
      return 1
    }

    const {written} = result
    const destination = ({totals}: Tally) =>
      args.dryRun
        ? 'dry run, nothing written'
        : written
          ? `written to ${target.description}`
          : totals.failed > 0 && args.strict
            ? `nothing written to ${target.description} (fix the failed files, or add --keep-going to write the rest)`
            : `nothing to write to ${target.description}`
    // The JSON report gives its totals before the files, so it counts them first; the text
    // report gives them after, and counts them as it prints.
    let tally: Tally
    let report: AsyncIterable<string>
    if (args.json) {
      tally = await tallyOutcomes(result.outcomes)
      const header = {
        target: target.description,
        dryRun: args.dryRun,
        written,
        totals: tally.totals,
      }
      report = jsonReport(header, mapAsync(result.outcomes, summarizeOutcome))
    } else {
      const counted = countOutcomes(result.outcomes)
      tally = counted.tally
      report = formatReport(mapAsync(counted.outcomes, summarizeOutcome), tally, destination)
    }
    for await (const text of joinLines(report)) {
      io.stdout(text)
      await io.stdoutDrained?.()
    }
    if (io.signal?.aborted) {
      io.stderr(
        `import: interrupted; ${tally.notWritten} of ${files.length} files not written. Run the same command again to continue.`,
      )
      return 130
    }
    return tally.totals.failed > 0 ? 1 : 0
  } finally {
    await Promise.all([spools.writes.dispose(), spools.outcomes.dispose()])
  }
}

function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const line = message.split('\n')[0] ?? message
  return line.length > 300 ? `${line.slice(0, 300)}…` : line
}
