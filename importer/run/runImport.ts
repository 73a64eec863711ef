import {type ConvertedArticle, convertSource} from '../convert/convertSource'
import {type ArticleWrite, wholeWrite} from '../plan/planImport'
import {ImportError} from '../shared/ImportError'
import type {CommitResult, ImportTarget} from '../write/ImportTarget'
import {ArticleClaims} from './ArticleClaims'
import {
  type ConvertedFile,
  decideFiles,
  type DecideOptions,
  type FileOutcome,
  type Validate,
  WRITE_NOTES,
} from './decideFiles'
import {memorySpool, type Spool} from './spool'
import {writeQueue} from './writeQueue'

export type {FileOutcome} from './decideFiles'

/** A source file read and converted: its article, or the one-line reason it cannot be one. */
export interface ConvertedSource {
  conversion?: ConvertedArticle
  error?: string
  /** The file's size in bytes, which batches are bounded by. */
  bytes: number
}

/** Where a conversion comes from: the run's timestamp and the importer's version. */
export interface Provenance {
  importedAt: string
  importerVersion: string
}

/** Converts source files somewhere other than this thread (see `ImportDependencies`). */
export interface SourceConverter {
  /**
   * Reads and converts one file. Resolves with the reason a file cannot be an article; rejects
   * only when converting itself broke, which ends the run.
   */
  convert: (fileName: string, provenance: Provenance) => Promise<ConvertedSource>
  /** Files asked for at once, so the converter works while the run decides and writes. */
  readAhead: number
}

/** What the import run needs from the outside world, passed in so tests can supply their own. */
export interface ImportDependencies {
  /**
   * Reads a source file to convert on this thread; throws ImportError for a missing, unreadable
   * or oversized file. Unused when a `converter` is given.
   */
  readSource: (path: string) => Promise<Uint8Array>
  /** Converts the files elsewhere (a worker thread), a few files ahead of the run. */
  converter?: SourceConverter
  /**
   * Sanity's validation of documents against the Studio schema. Absent, every document passes,
   * as `sanity dataset import` assumes (`--skip-validation`), and none is read whole for it.
   */
  validate?: Validate
  target: ImportTarget
  /** The import's timestamp, ISO 8601. */
  now: () => string
  importerVersion: string
  /**
   * Hold the decided writes until every file has passed, and the outcomes until the report; in
   * memory unless given. The caller disposes of them once it has read the outcomes.
   */
  spools?: ImportSpools
  /**
   * Most files converted, planned and validated together (250), and most bytes of source they
   * may add up to (4 MiB): together they bound the memory a run needs, whatever the files' sizes.
   */
  batch?: {files?: number; bytes?: number}
  /** Called after each file is converted. */
  onProgress?: (done: number, total: number) => void
  /** Aborted when the run should stop (Ctrl-C): writes under way finish, no new one starts. */
  signal?: AbortSignal
}

/** How to run the import. */
export interface ImportOptions extends DecideOptions {
  /** Decide and validate, write nothing. */
  dryRun?: boolean
  /**
   * With `strict`, write the articles that passed even when others failed. Without it, every
   * article that can be written is written whatever fails, so this is the default.
   */
  keepGoing?: boolean
}

/** Where a run keeps its writes and outcomes. */
export interface ImportSpools {
  writes: Spool<ArticleWrite>
  outcomes: Spool<FileOutcome>
}

/** The outcome of a run. */
export interface ImportResult {
  /** One per file, in report order, read afresh from the outcome spool each time. */
  outcomes: AsyncIterable<FileOutcome>
  /** Whether anything was written to the target. */
  written: boolean
}

const BATCH_FILES = 250
const BATCH_BYTES = 4 * 1024 * 1024

/**
 * Decided writes that may wait for the target while conversion goes on: a batch's worth, enough
 * to keep the target busy. Half as many made no difference to time or memory at 100,000 files.
 */
const STREAMED_WRITES = 250

/** The error of a file an interrupted run did not reach, so the next run is expected. */
export const NOT_WRITTEN = 'not written: the import was interrupted; run it again to continue'

/**
 * Imports source files in two passes. First, batch by batch, each file is converted, given a
 * slug no other article holds, decided against what is stored and validated with Sanity's
 * validation, and the writes are spooled; then the spooled writes stream to the target. An
 * article that fails an editorial rule is written as a draft for review; a file that cannot be
 * an article fails alone. With `strict`, review articles fail too, and nothing is written unless
 * every file passed (or `keepGoing` is set). Memory stays that of one batch, however large the
 * archive.
 *
 * @param files - source file paths, in report order
 * @param options - force, dry run, keep going, drafts
 * @param dependencies - file reading, validation, the target, the spools and the clock
 * @returns the outcomes, one per file, and whether the target was written
 */
export async function runImport(
  files: readonly string[],
  options: ImportOptions,
  dependencies: ImportDependencies,
): Promise<ImportResult> {
  const {target, validate} = dependencies
  const {files: batchFiles = BATCH_FILES, bytes: batchBytes = BATCH_BYTES} =
    dependencies.batch ?? {}
  const spools = dependencies.spools ?? {writes: memorySpool(), outcomes: memorySpool()}
  const importedAt = dependencies.now()
  const claims = new ArticleClaims()
  const allOrNothing = options.strict === true && options.keepGoing !== true
  // Unless every file must pass before anything is written, articles are written while later
  // files are still converted: the two overlap instead of taking turns.
  const streaming = target.writesAsTheyCome === true && !options.dryRun && !allOrNothing
  const queue = writeQueue<ArticleWrite>(STREAMED_WRITES)
  let committing: Promise<CommitResult> | undefined
  const stream = async (decided: readonly ArticleWrite[]) => {
    if (decided.length === 0) return
    if (!committing) {
      committing = target.commit(queue, importedAt, dependencies.signal)
      // A failed commit stops the conversion at its next push; its error is reported once,
      // when the commit is awaited.
      committing.catch((error: unknown) => queue.fail(error))
    }
    await queue.push(decided)
  }
  let failures = 0
  let writes = 0
  let batch: ConvertedFile[] = []
  let bytes = 0
  const decide = async (converted: ConvertedFile[]) => {
    const files = await claims.claimSlugs(converted, target.slugOwners)
    const decided = await decideFiles(files, options, {target, validate, importedAt})
    failures += decided.outcomes.filter((outcome) => outcome.status === 'failed').length
    await spools.outcomes.append(decided.outcomes)
    if (streaming) await stream(decided.writes)
    // A spool keeps JSON, which leaves out a split article's body: each article goes in whole.
    else await spools.writes.append(decided.writes.map(wholeWrite))
    writes += decided.writes.length
  }
  // A batch is decided while the next one converts: deciding waits on the target (stored
  // documents, slug owners) and conversion on nothing, so the waits hide behind the work.
  // Batches are decided one at a time, in order.
  let deciding: Promise<void> = Promise.resolve()
  const decideBatch = async () => {
    const converted = batch
    batch = []
    bytes = 0
    await deciding
    deciding = decide(converted)
    // Its failure is raised where it is awaited: before the next batch, or at the end.
    deciding.catch(() => undefined)
  }
  const outcomes = (
    kept: ReadonlySet<string> = new Set(),
    unwritten: Unwritten = new Set(),
  ): AsyncIterable<FileOutcome> => ({
    async *[Symbol.asyncIterator]() {
      for await (const outcome of spools.outcomes.read())
        yield notWritten(keepEdited(outcome, kept), unwritten)
    },
  })
  const written = async (commit: Promise<CommitResult>): Promise<ImportResult> => {
    const {kept, unwritten} = await commit
    return {outcomes: outcomes(kept, unwritten), written: true}
  }
  // The writes streamed so far are all there will be: the commit ends once they are sent.
  const endStream = (commit: Promise<CommitResult>) => {
    queue.close()
    return written(commit)
  }
  const provenance = {importedAt, importerVersion: dependencies.importerVersion}
  const {convert, readAhead} = dependencies.converter ?? {
    convert: readAndConvert(dependencies.readSource),
    readAhead: 1,
  }
  // Conversions asked for and not yet taken, in file order; `requested` files have been asked for.
  const converting: Promise<ConvertedSource>[] = []
  let requested = 0
  const nextConverted = () => {
    for (let ahead = converting.length; ahead < readAhead; ahead++) {
      const fileName = files[requested++]
      if (fileName === undefined) break
      const conversion = convert(fileName, provenance)
      // An interrupted run never takes some: their failures are of no interest then.
      conversion.catch(() => undefined)
      converting.push(conversion)
    }
    return converting.shift()
  }
  for (const [index, fileName] of files.entries()) {
    if (dependencies.signal?.aborted) {
      // Interrupted: no more files are read. The batch being decided is finished; the files
      // converted but not yet decided are reported with those never reached.
      await deciding
      const unreached = [...batch.map((file) => file.fileName), ...files.slice(index)]
      await spools.outcomes.append(unreached.map(unreachedOutcome))
      if (!committing) return {outcomes: outcomes(new Set(), 'all'), written: false}
      return endStream(committing)
    }
    const converted = await nextConverted()
    batch.push(claimed(fileName, converted, claims))
    bytes += converted?.bytes ?? 0
    dependencies.onProgress?.(index + 1, files.length)
    if (batch.length >= batchFiles || bytes >= batchBytes) await decideBatch()
  }
  if (batch.length > 0) await decideBatch()
  await deciding
  if (streaming) return committing ? endStream(committing) : {outcomes: outcomes(), written: false}
  const write = writes > 0 && !options.dryRun && (failures === 0 || !allOrNothing)
  if (!write) return {outcomes: outcomes(), written: false}
  return written(target.commit(spools.writes.read(), importedAt, dependencies.signal))
}

/** Converts a file's bytes: where `readAndConvert` sends what it read. */
export type ConvertBytes = (
  source: Uint8Array,
  fileName: string,
  provenance: Provenance,
) => ConvertedSource | Promise<ConvertedSource>

/**
 * Converts a file's bytes on the calling thread.
 *
 * @param source - the file's bytes
 * @param fileName - the file, which names the article and says whether it is Markdown
 * @param provenance - the import's timestamp and the importer's version
 * @returns the conversion, or the reason the file cannot be an article
 * @throws anything but ImportError: converting itself broke
 */
export function convertBytes(
  source: Uint8Array,
  fileName: string,
  provenance: Provenance,
): ConvertedSource {
  const bytes = source.byteLength
  try {
    return {conversion: convertSource(source, {fileName, ...provenance}), bytes}
  } catch (error) {
    if (!(error instanceof ImportError)) throw error
    return {error: error.message, bytes}
  }
}

/**
 * Reads files with `readSource` and converts them with `convert`: on the calling thread by
 * default (the run's own converter when it is given none), or where the conversion worker's
 * sends them.
 *
 * @param readSource - reads a file, throwing ImportError for one that cannot be read
 * @param convert - converts the bytes read, {@link convertBytes} unless given
 * @returns a converter that resolves with the reason a file cannot be an article, and rejects
 *   only when converting itself broke
 */
export function readAndConvert(
  readSource: ImportDependencies['readSource'],
  convert: ConvertBytes = convertBytes,
): SourceConverter['convert'] {
  return async (fileName, provenance) => {
    let source: Uint8Array
    try {
      source = await readSource(fileName)
    } catch (error) {
      if (!(error instanceof ImportError)) throw error
      return {error: error.message, bytes: 0}
    }
    return convert(source, fileName, provenance)
  }
}

/** A converted file, once its article's id is known to be the run's only one of that id. */
function claimed(
  fileName: string,
  converted: ConvertedSource | undefined,
  claims: ArticleClaims,
): ConvertedFile {
  const {conversion, error = ''} = converted ?? {}
  if (!conversion) return {fileName, error}
  try {
    claims.claimId(fileName, conversion)
  } catch (claimError) {
    if (!(claimError instanceof ImportError)) throw claimError
    return {fileName, error: claimError.message}
  }
  return {fileName, conversion}
}

/** The outcomes whose article was to be written, under the id it was written as. */
function wasWritten({status}: FileOutcome): boolean {
  return status === 'created' || status === 'updated' || status === 'review'
}

/** The ids of the articles an interrupted run did not write, or all of them. */
type Unwritten = ReadonlySet<string> | 'all'

/** An article the interrupted run did not reach: report it, so the next run is expected. */
function notWritten(outcome: FileOutcome, unwritten: Unwritten): FileOutcome {
  if (!wasWritten(outcome)) return outcome
  if (unwritten !== 'all' && !unwritten.has(outcome.article?.id ?? '')) return outcome
  return {...withoutWrite(outcome), status: 'failed', errors: [NOT_WRITTEN]}
}

/** A file an interrupted run never decided on. */
function unreachedOutcome(fileName: string): FileOutcome {
  return {fileName, status: 'failed', review: [], notes: [], errors: [NOT_WRITTEN]}
}

/**
 * An article someone edited while the import ran was not written: report it kept. The target
 * names what it left alone by the id it was to write, which the outcome's article carries:
 * the draft's, `drafts.<id>`, for an article imported as a draft or for review.
 */
function keepEdited(outcome: FileOutcome, kept: ReadonlySet<string>): FileOutcome {
  if (!wasWritten(outcome) || !kept.has(outcome.article?.id ?? '')) return outcome
  const left = withoutWrite(outcome)
  return {
    ...left,
    status: 'kept',
    notes: [...left.notes, 'was edited while the import ran; left as the editor saved it'],
  }
}

/** An outcome whose write did not happen: no review reasons, no notes on how it was written. */
function withoutWrite(outcome: FileOutcome): FileOutcome {
  return {...outcome, review: [], notes: outcome.notes.filter((note) => !WRITE_NOTES.has(note))}
}
