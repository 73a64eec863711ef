import type {SanityDocument} from '@sanity/client'

import type {DocumentValidation} from '../../validation/protocol'
import {type Conversion, convertSource} from '../convertSource'
import {ImportError} from '../ImportError'
import {type ArticleStatus, planDocuments, planImport} from '../plan/planImport'
import type {ImportTarget} from '../write/ImportTarget'
import {describeIssue} from './describeIssue'
import {limitProblems} from './limitProblems'

/** What the import run needs from the outside world, passed in so tests can supply their own. */
export interface ImportDependencies {
  /** Reads a source file; throws ImportError for a missing, unreadable or oversized file. */
  readSource: (path: string) => Promise<Uint8Array>
  /** Sanity's validation of documents against the Studio schema. */
  validate: (
    documents: SanityDocument[],
    dataset: SanityDocument[],
  ) => Promise<DocumentValidation[]>
  target: ImportTarget
  /** The import's timestamp, ISO 8601. */
  now: () => string
  importerVersion: string
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

/** What happened to one source file. */
export interface FileOutcome {
  fileName: string
  status: ArticleStatus | 'failed'
  conversion?: Conversion
  notes: string[]
  /** Why the file failed: one line per problem. */
  errors: string[]
}

/** The outcome of a run. */
export interface ImportResult {
  outcomes: FileOutcome[]
  /** Whether anything was written to the target. */
  written: boolean
}

/**
 * Imports source files: converts each, decides what to write against the target, validates
 * every document to be written with Sanity's validation, and writes them in one commit. When a
 * file fails, nothing is written unless `keepGoing` is set.
 *
 * @param files - source file paths, in report order
 * @param options - force, dry run, keep going
 * @param dependencies - file reading, validation, the target and the clock
 * @returns one outcome per file and whether the target was written
 */
export async function runImport(
  files: readonly string[],
  options: ImportOptions,
  dependencies: ImportDependencies,
): Promise<ImportResult> {
  const importedAt = dependencies.now()
  const converted = await convertAll(files, importedAt, dependencies)
  const conversions = converted.flatMap((item) => (item.conversion ? [item.conversion] : []))
  const stored = await dependencies.target.load(conversions.flatMap(documentIds))
  const storedById = new Map(stored.map((document) => [document._id, document]))

  const {writes} = planImport(conversions, storedById, options)
  const toValidate: SanityDocument[] = planDocuments(writes).map((document) => ({
    ...document,
    _createdAt: importedAt,
    _updatedAt: importedAt,
    _rev: '',
  }))
  const validations = toValidate.length > 0 ? await dependencies.validate(toValidate, stored) : []
  const failures = validationFailures(conversions, validations)
  for (const conversion of conversions) {
    const problems = conversionDocuments(conversion).flatMap(limitProblems)
    if (problems.length > 0)
      failures.set(conversion.fileName, [...(failures.get(conversion.fileName) ?? []), ...problems])
  }

  const good = conversions.filter((conversion) => !failures.has(conversion.fileName))
  const plan = planImport(good, storedById, options)
  const outcomes = converted.map(({fileName, error}): FileOutcome => {
    const planned = plan.articles.find((article) => article.conversion.fileName === fileName)
    const errors = error ? [error] : (failures.get(fileName) ?? [])
    if (!planned || errors.length > 0) return {fileName, status: 'failed', notes: [], errors}
    const warnings = validationWarnings(planned.conversion, validations)
    return {
      fileName,
      status: planned.status,
      conversion: planned.conversion,
      notes: [...planned.conversion.notes, ...planned.notes, ...warnings],
      errors: [],
    }
  })

  const anyFailed = outcomes.some((outcome) => outcome.status === 'failed')
  const hasWrites = plan.writes.articles.length > 0
  const write = hasWrites && !options.dryRun && (!anyFailed || options.keepGoing === true)
  if (!write) return {outcomes, written: false}
  const {kept, unwritten} = await dependencies.target.commit(
    plan.writes,
    importedAt,
    dependencies.signal,
  )
  return {
    outcomes: outcomes.map((outcome) => notWritten(keepEdited(outcome, kept), unwritten)),
    written: true,
  }
}

async function convertAll(
  files: readonly string[],
  importedAt: string,
  {readSource, importerVersion, onProgress}: ImportDependencies,
): Promise<{fileName: string; conversion?: Conversion; error?: string}[]> {
  const results: {fileName: string; conversion?: Conversion; error?: string}[] = []
  const producedBy = new Map<string, string>()
  for (const fileName of files) {
    try {
      const bytes = await readSource(fileName)
      const conversion = convertSource(bytes, {fileName, importedAt, importerVersion})
      const id = conversion.documents.article._id
      const other = producedBy.get(id)
      if (other)
        throw new ImportError(fileName, `${id} is also produced by ${other}; give one an id`)
      producedBy.set(id, fileName)
      results.push({fileName, conversion})
    } catch (error) {
      if (!(error instanceof ImportError)) throw error
      results.push({fileName, error: error.message})
    }
    onProgress?.(results.length, files.length)
  }
  return results
}

/** Errors on any document a file would write fail that file. */
function validationFailures(
  conversions: readonly Conversion[],
  validations: readonly DocumentValidation[],
): Map<string, string[]> {
  const failures = new Map<string, string[]>()
  for (const conversion of conversions) {
    const errors = issuesFor(conversion, validations, 'error')
    if (errors.length > 0) failures.set(conversion.fileName, errors)
  }
  return failures
}

function validationWarnings(
  conversion: Conversion,
  validations: readonly DocumentValidation[],
): string[] {
  return issuesFor(conversion, validations, 'warning')
}

function issuesFor(
  conversion: Conversion,
  validations: readonly DocumentValidation[],
  level: 'error' | 'warning',
): string[] {
  const ids = new Set(documentIds(conversion))
  return validations
    .filter((validation) => ids.has(validation.documentId))
    .flatMap((validation) =>
      validation.issues
        .filter((issue) => issue.level === level)
        .map((issue) => describeIssue(validation.documentId, issue)),
    )
}

/** An article the interrupted run did not reach: report it, so the next run is expected. */
function notWritten(outcome: FileOutcome, unwritten: ReadonlySet<string>): FileOutcome {
  const id = outcome.conversion?.documents.article._id
  if (!id || !(unwritten.has(id) || unwritten.has(`drafts.${id}`))) return outcome
  const error = 'not written: the import was interrupted; run it again to continue'
  return {fileName: outcome.fileName, status: 'failed', notes: outcome.notes, errors: [error]}
}

/** An article someone edited while the import ran was not written: report it kept. */
function keepEdited(outcome: FileOutcome, kept: ReadonlySet<string>): FileOutcome {
  const id = outcome.conversion?.documents.article._id
  if (!id || !kept.has(id)) return outcome
  return {
    ...outcome,
    status: 'kept',
    notes: [...outcome.notes, 'was edited while the import ran; left as the editor saved it'],
  }
}

function conversionDocuments({documents}: Conversion): {_id: string}[] {
  const {article, persons, newsletter} = documents
  return [article, ...persons, ...(newsletter ? [newsletter] : [])]
}

function documentIds(conversion: Conversion): string[] {
  return conversionDocuments(conversion).map((document) => document._id)
}
