import {type Conversion, convertSource} from '../convertSource'
import {ImportError} from '../ImportError'
import type {ArticleWrite} from '../plan/planImport'
import type {ImportTarget} from '../write/ImportTarget'
import {type ConvertedFile, decideFiles, type FileOutcome, type Validate} from './decideFiles'
import {memorySpool, type WriteSpool} from './writeSpool'

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
  /** Holds decided writes until every file has passed; in memory unless given. */
  spool?: WriteSpool
  /** Files converted, planned and validated together: bounds the memory a run needs. */
  batchSize?: number
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

/** The outcome of a run. */
export interface ImportResult {
  outcomes: FileOutcome[]
  /** Whether anything was written to the target. */
  written: boolean
}

const BATCH_SIZE = 500

/**
 * Imports source files in two passes. First, batch by batch, each file is converted, decided
 * against what is stored and validated with Sanity's validation, and the writes are spooled;
 * then, only if every file passed (or `keepGoing` is set), the spooled writes stream to the
 * target. Memory stays that of one batch, however large the archive.
 *
 * @param files - source file paths, in report order
 * @param options - force, dry run, keep going, drafts
 * @param dependencies - file reading, validation, the target, the spool and the clock
 * @returns one outcome per file and whether the target was written
 */
export async function runImport(
  files: readonly string[],
  options: ImportOptions,
  dependencies: ImportDependencies,
): Promise<ImportResult> {
  const {target, validate, batchSize = BATCH_SIZE, spool = memorySpool()} = dependencies
  const importedAt = dependencies.now()
  const claims = new ArticleClaims()
  const outcomes: FileOutcome[] = []
  let writes = 0
  try {
    for (let start = 0; start < files.length; start += batchSize) {
      const converted: ConvertedFile[] = []
      for (const fileName of files.slice(start, start + batchSize)) {
        converted.push(await convertFile(fileName, importedAt, claims, dependencies))
        dependencies.onProgress?.(start + converted.length, files.length)
      }
      const decided = await decideFiles(converted, options, {target, validate, importedAt})
      outcomes.push(...decided.outcomes)
      await spool.append(decided.writes)
      writes += decided.writes.length
    }
    // Two files that claim one slug both fail, as Sanity's uniqueness check fails both.
    const clashing = claims.clashes()
    const checked = outcomes.map((outcome) => withClash(outcome, clashing))
    const anyFailed = checked.some((outcome) => outcome.status === 'failed')
    const write = writes > 0 && !options.dryRun && (!anyFailed || options.keepGoing === true)
    if (!write) return {outcomes: checked, written: false}
    const passed = new Set(checked.flatMap((o) => (o.status === 'failed' ? [] : [o.fileName])))
    const {kept, unwritten} = await target.commit(
      onlyFrom(spool.read(), passed),
      importedAt,
      dependencies.signal,
    )
    return {outcomes: checked.map((o) => notWritten(keepEdited(o, kept), unwritten)), written: true}
  } finally {
    await spool.dispose()
  }
}

async function convertFile(
  fileName: string,
  importedAt: string,
  claims: ArticleClaims,
  {readSource, importerVersion}: ImportDependencies,
): Promise<ConvertedFile> {
  try {
    const bytes = await readSource(fileName)
    const conversion = convertSource(bytes, {fileName, importedAt, importerVersion})
    claims.claim(conversion)
    return {fileName, conversion}
  } catch (error) {
    if (!(error instanceof ImportError)) throw error
    return {fileName, error: error.message}
  }
}

/** Article ids and slugs across a whole run: an id twice is an error; a slug twice, a clash. */
class ArticleClaims {
  readonly #ids = new Map<string, string>()
  readonly #slugs = new Map<string, string[]>()

  /** @throws ImportError when another file already produced the article's id */
  claim({fileName, documents: {article}}: Conversion): void {
    const other = this.#ids.get(article._id)
    if (other)
      throw new ImportError(fileName, `${article._id} is also produced by ${other}; give one an id`)
    this.#ids.set(article._id, fileName)
    const slug = article.slug.current
    this.#slugs.set(slug, [...(this.#slugs.get(slug) ?? []), fileName])
  }

  /** Files whose article slug another file's article also has, with the slug. */
  clashes(): Map<string, {slug: string; others: string[]}> {
    const clashing = new Map<string, {slug: string; others: string[]}>()
    for (const [slug, fileNames] of this.#slugs) {
      if (fileNames.length < 2) continue
      for (const fileName of fileNames)
        clashing.set(fileName, {slug, others: fileNames.filter((name) => name !== fileName)})
    }
    return clashing
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

async function* onlyFrom(
  writes: AsyncIterable<ArticleWrite>,
  fileNames: ReadonlySet<string>,
): AsyncGenerator<ArticleWrite> {
  for await (const write of writes) {
    if (fileNames.has(write.article.source?.fileName ?? '')) yield write
  }
}

/** An article the interrupted run did not reach: report it, so the next run is expected. */
function notWritten(outcome: FileOutcome, unwritten: ReadonlySet<string>): FileOutcome {
  const id = outcome.article?.id
  if (!id || !(unwritten.has(id) || unwritten.has(`drafts.${id}`))) return outcome
  const error = 'not written: the import was interrupted; run it again to continue'
  return {...outcome, status: 'failed', errors: [error]}
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
