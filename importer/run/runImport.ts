import {convertSource} from '../convertSource'
import {ImportError} from '../ImportError'
import {ArticleClaims} from './ArticleClaims'
import type {ArticleWrite} from '../plan/planImport'
import type {ImportTarget} from '../write/ImportTarget'
import {type ConvertedFile, decideFiles, type FileOutcome, type Validate} from './decideFiles'
import {memorySpool, type Spool} from './spool'

export type {FileOutcome} from './decideFiles'

/** What the import run needs from the outside world, passed in so tests can supply their own. */
export interface ImportDependencies {
  /** Reads a source file; throws ImportError for a missing, unreadable or oversized file. */
  readSource: (path: string) => Promise<Uint8Array>
  /** Sanity's validation of documents against the Studio schema. */
  validate: Validate
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
   * Most files converted, planned and validated together (500), and most bytes of source they
   * may add up to (4 MiB): together they bound the memory a run needs, whatever the files' sizes.
   */
  batch?: {files?: number; bytes?: number}
  /** Called after each file is converted. */
  onProgress?: (done: number, total: number) => void
  /** Aborted when the run should stop (Ctrl-C): writes under way finish, no new one starts. */
  signal?: AbortSignal
}

/** How to run the import. */
export interface ImportOptions {
  /** Replace articles edited since their import. */
  force?: boolean
  /** Decide and validate, write nothing. */
  dryRun?: boolean
  /** Write the good files even when some fail. */
  keepGoing?: boolean
  /** Write articles as drafts (`drafts.<id>`) for editors to publish, instead of publishing. */
  drafts?: boolean
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

const BATCH_FILES = 500
const BATCH_BYTES = 4 * 1024 * 1024

/** The error of a file an interrupted run did not reach, so the next run is expected. */
export const NOT_WRITTEN = 'not written: the import was interrupted; run it again to continue'

/**
 * Imports source files in two passes. First, batch by batch, each file is converted, decided
 * against what is stored and validated with Sanity's validation, and the writes are spooled;
 * then, only if every file passed (or `keepGoing` is set), the spooled writes stream to the
 * target. Memory stays that of one batch, however large the archive.
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
  // Failures are few, so they are what the run remembers of its files; the rest is spooled.
  const failed = new Set<string>()
  let writes = 0
  let batch: ConvertedFile[] = []
  let bytes = 0
  const decideBatch = async () => {
    const decided = await decideFiles(batch, options, {target, validate, importedAt})
    for (const outcome of decided.outcomes)
      if (outcome.status === 'failed') failed.add(outcome.fileName)
    await spools.outcomes.append(decided.outcomes)
    await spools.writes.append(decided.writes)
    writes += decided.writes.length
    batch = []
    bytes = 0
  }
  for (const [index, fileName] of files.entries()) {
    const converted = await convertFile(fileName, importedAt, claims, dependencies)
    batch.push(converted.file)
    bytes += converted.bytes
    dependencies.onProgress?.(index + 1, files.length)
    if (batch.length >= batchFiles || bytes >= batchBytes) await decideBatch()
  }
  if (batch.length > 0) await decideBatch()
  // Two files that claim one slug both fail, as Sanity's uniqueness check fails both.
  const clashing = claims.clashes()
  for (const fileName of clashing.keys()) failed.add(fileName)
  const outcomes = (
    kept: ReadonlySet<string> = new Set(),
    unwritten: ReadonlySet<string> = new Set(),
  ): AsyncIterable<FileOutcome> => ({
    async *[Symbol.asyncIterator]() {
      for await (const outcome of spools.outcomes.read())
        yield notWritten(keepEdited(withClash(outcome, clashing), kept), unwritten)
    },
  })
  const write = writes > 0 && !options.dryRun && (failed.size === 0 || options.keepGoing === true)
  if (!write) return {outcomes: outcomes(), written: false}
  const {kept, unwritten} = await target.commit(
    passedOnly(spools.writes.read(), failed),
    importedAt,
    dependencies.signal,
  )
  return {outcomes: outcomes(kept, unwritten), written: true}
}

async function convertFile(
  fileName: string,
  importedAt: string,
  claims: ArticleClaims,
  {readSource, importerVersion}: ImportDependencies,
): Promise<{file: ConvertedFile; bytes: number}> {
  let bytes = 0
  try {
    const source = await readSource(fileName)
    bytes = source.byteLength
    const conversion = convertSource(source, {fileName, importedAt, importerVersion})
    claims.claim(conversion)
    return {file: {fileName, conversion}, bytes}
  } catch (error) {
    if (!(error instanceof ImportError)) throw error
    return {file: {fileName, error: error.message}, bytes}
  }
}

function withClash(
  outcome: FileOutcome,
  clashing: ReadonlyMap<string, {slug: string; others: string[]}>,
): FileOutcome {
  const clash = clashing.get(outcome.fileName)
  if (!clash) return outcome
  const error = `slug "${clash.slug}" is also the slug of ${clash.others.join(', ')}; give each article a slug of its own`
  if (outcome.errors.includes(error)) return outcome
  return {...outcome, status: 'failed', errors: [...outcome.errors, error]}
}

async function* passedOnly(
  writes: AsyncIterable<ArticleWrite>,
  failed: ReadonlySet<string>,
): AsyncGenerator<ArticleWrite> {
  for await (const write of writes) {
    if (!failed.has(write.article.source?.fileName ?? '')) yield write
  }
}

/** An article the interrupted run did not reach: report it, so the next run is expected. */
function notWritten(outcome: FileOutcome, unwritten: ReadonlySet<string>): FileOutcome {
  const id = outcome.article?.id
  if (!id || !(unwritten.has(id) || unwritten.has(`drafts.${id}`))) return outcome
  return {...outcome, status: 'failed', errors: [NOT_WRITTEN]}
}

/** An article someone edited while the import ran was not written: report it kept. */
function keepEdited(outcome: FileOutcome, kept: ReadonlySet<string>): FileOutcome {
  const id = outcome.article?.id
  if (!id || !kept.has(id)) return outcome
  return {
    ...outcome,
    status: 'kept',
    notes: [...outcome.notes, 'was edited while the import ran; left as the editor saved it'],
  }
}
