import type {SanityDocument} from '@sanity/client'

import type {DocumentValidation} from '../../validation/protocol'
import type {Conversion} from '../convertSource'
import {type ArticleStatus, type ArticleWrite, planDocuments, planImport} from '../plan/planImport'
import type {ImportTarget} from '../write/ImportTarget'
import {type ArticleSummary, articleSummary} from './articleSummary'
import {describeIssue} from './describeIssue'
import {limitProblems} from './limitProblems'

/** What happened to one source file. */
export interface FileOutcome {
  fileName: string
  status: ArticleStatus | 'failed'
  /** The article the file became, for the report; absent when it could not be converted. */
  article?: ArticleSummary
  notes: string[]
  /** Why the file failed: one line per problem. */
  errors: string[]
}

/** A file read and converted, or the one-line reason it could not be. */
export interface ConvertedFile {
  fileName: string
  conversion?: Conversion
  error?: string
}

/** Sanity's validation of documents, given the stored documents they may refer to. */
export type Validate = (
  documents: SanityDocument[],
  dataset: SanityDocument[],
) => Promise<DocumentValidation[]>

/**
 * Decides what to do with a batch of converted files: reads what is stored, plans each article,
 * validates every document to be written with Sanity's validation and checks the Content Lake's
 * limits. A file with an error writes nothing.
 *
 * @param converted - the batch, in report order
 * @param options - force, drafts
 * @param dependencies - the target (to read from), the validator and the import's timestamp
 * @returns an outcome per file, and the writes of the files that passed
 */
export async function decideFiles(
  converted: readonly ConvertedFile[],
  options: {force?: boolean; drafts?: boolean},
  dependencies: {target: ImportTarget; validate: Validate; importedAt: string},
): Promise<{outcomes: FileOutcome[]; writes: ArticleWrite[]}> {
  const {target, validate, importedAt} = dependencies
  const conversions = converted.flatMap((item) => (item.conversion ? [item.conversion] : []))
  const stored = await target.load(conversions.flatMap(documentIds))
  const storedById = new Map(stored.map((document) => [document._id, document]))

  const plan = planImport(conversions, storedById, options)
  const toValidate: SanityDocument[] = planDocuments(plan.writes).map((document) => ({
    ...document,
    _createdAt: importedAt,
    _updatedAt: importedAt,
    _rev: '',
  }))
  const validations = toValidate.length > 0 ? await validate(toValidate, stored) : []
  // Looked up per document, not searched per file: a batch has thousands of validations.
  const validationsById = new Map(
    validations.map((validation) => [validation.documentId, validation]),
  )
  const failures = new Map<string, string[]>()
  for (const conversion of conversions) {
    const errors = [
      ...issuesFor(conversion, validationsById, 'error'),
      ...conversionDocuments(conversion).flatMap(limitProblems),
    ]
    if (errors.length > 0) failures.set(conversion.fileName, errors)
  }

  // Each article's decision stands alone, so a failed file's write is simply left out.
  const writes = plan.writes.articles.filter(
    (write) => !failures.has(write.article.source?.fileName ?? ''),
  )
  const planned = new Map(plan.articles.map((article) => [article.conversion.fileName, article]))
  const outcomes = converted.map(({fileName, conversion, error}): FileOutcome => {
    const article = conversion && articleSummary(conversion)
    const decided = planned.get(fileName)
    const errors = error ? [error] : (failures.get(fileName) ?? [])
    if (!decided || errors.length > 0)
      return {fileName, status: 'failed', ...(article ? {article} : {}), notes: [], errors}
    const warnings = issuesFor(decided.conversion, validationsById, 'warning')
    const notes = [...decided.conversion.notes, ...decided.notes, ...warnings]
    return {fileName, status: decided.status, ...(article ? {article} : {}), notes, errors: []}
  })
  return {outcomes, writes}
}

function issuesFor(
  conversion: Conversion,
  validationsById: ReadonlyMap<string, DocumentValidation>,
  level: 'error' | 'warning',
): string[] {
  // In the order they were validated: the people and newsletter created first, then the article.
  const {article, persons, newsletter} = conversion.documents
  const ids = [...persons, ...(newsletter ? [newsletter] : []), article].map(({_id}) => _id)
  return [...new Set(ids)]
    .flatMap((id) => validationsById.get(id) ?? [])
    .flatMap((validation) =>
      validation.issues
        .filter((issue) => issue.level === level)
        .map((issue) => describeIssue(validation.documentId, issue)),
    )
}

function conversionDocuments({documents}: Conversion): {_id: string}[] {
  const {article, persons, newsletter} = documents
  return [article, ...persons, ...(newsletter ? [newsletter] : [])]
}

/**
 * The ids of the documents a conversion produced: its article, people and newsletter.
 *
 * @param conversion - a converted file
 * @returns their ids
 */
export function documentIds(conversion: Conversion): string[] {
  return conversionDocuments(conversion).map((document) => document._id)
}
