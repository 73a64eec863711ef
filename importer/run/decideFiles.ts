import type {SanityDocument} from '@sanity/client'

import {isRecord} from '../../dataset/guards'
import type {PrescreenedDocument} from '../../validation/fast/createScreenedValidator'
import type {DocumentValidation} from '../../validation/protocol'
import type {ConvertedArticle} from '../convert/convertSource'
import {type AnyArticle, ARTICLE_BODY, isSplitArticle, joinArticle} from '../documents/articleBody'
import {referencedDocuments} from '../documents/buildDocuments'
import {
  type ArticleDecision,
  type ArticleStatus,
  type ArticleWrite,
  articleWrite,
  decideArticle,
  draftId,
  planDocuments,
} from '../plan/planImport'
import type {ImportTarget} from '../write/ImportTarget'
import {type ArticleSummary, articleSummary} from './articleSummary'
import {describeIssue} from './describeIssue'
import {limitProblems} from './limitProblems'

/** What happened to one source file. */
export interface FileOutcome {
  fileName: string
  status: ArticleStatus | 'failed'
  /**
   * The article the file became, for the report; absent when it could not be converted. Its id
   * is the one written or left alone, as the target's commit names it: `drafts.<id>` for a
   * draft (with `drafts`, for review, or over a draft awaiting review).
   */
  article?: ArticleSummary
  /** Why the article is a draft for review: the rules it fails, in the Studio's words. */
  review: string[]
  notes: string[]
  /** Why the file failed: one line per problem. */
  errors: string[]
}

/**
 * Whether a value read back from a spool is a file's outcome: its shape, not every field.
 *
 * @param value - a parsed spool line
 * @returns true for a file outcome
 */
export function isFileOutcome(value: unknown): value is FileOutcome {
  return (
    isRecord(value) &&
    typeof value['fileName'] === 'string' &&
    typeof value['status'] === 'string' &&
    Array.isArray(value['review']) &&
    Array.isArray(value['notes']) &&
    Array.isArray(value['errors'])
  )
}

const IMPORTED_AS_DRAFT = 'imported as a draft'
const DRAFT_UPDATED = 'its unpublished draft was updated: publish it in the Studio'

/**
 * The notes that say how an article was written: untrue of one the target then did not write,
 * so its report leaves them out.
 */
export const WRITE_NOTES: ReadonlySet<string> = new Set([IMPORTED_AS_DRAFT, DRAFT_UPDATED])

/** A file read and converted, or the one-line reason it could not be. */
export interface ConvertedFile {
  fileName: string
  conversion?: ConvertedArticle
  /** Why an editor must check the article before it is published, besides failed rules. */
  review?: string[]
  error?: string
}

/** How a batch is decided. */
export interface DecideOptions {
  /** Replace articles edited since their import. */
  force?: boolean
  /** Write every article as a draft. */
  drafts?: boolean
  /** Fail an article that would be a draft for review, instead of writing it. */
  strict?: boolean
}

/**
 * Sanity's validation of documents, given the stored documents they may refer to, and of
 * articles screened where they were converted: results for `documents`, then for `prescreened`.
 */
export type Validate = (
  documents: SanityDocument[],
  dataset: SanityDocument[],
  prescreened?: readonly PrescreenedDocument[],
) => Promise<DocumentValidation[]>

/**
 * A document as validated: with the system fields the Content Lake will give it, stamped with the
 * import's time.
 *
 * @param document - a document to write
 * @param importedAt - the import's timestamp
 * @returns the document with `_createdAt`, `_updatedAt` and an empty `_rev`
 */
export function asValidated<T extends object>(
  document: T,
  importedAt: string,
): T & {_createdAt: string; _updatedAt: string; _rev: string} {
  return {...document, _createdAt: importedAt, _updatedAt: importedAt, _rev: ''}
}

/**
 * Decides what to do with a batch of converted files: reads what is stored, decides each
 * article, validates every document to be written with Sanity's validation and checks the
 * Content Lake's limits. An article that fails a rule is written as a draft for review, never
 * refused (unless `strict`); only a file that cannot be an article, or exceeds the Content
 * Lake's limits, fails and writes nothing.
 *
 * @param converted - the batch, in report order
 * @param options - force, drafts, strict
 * @param dependencies - the target (to read from), the validator and the import's timestamp
 * @returns an outcome per file, and the writes of the articles to write
 */
export async function decideFiles(
  converted: readonly ConvertedFile[],
  options: DecideOptions,
  dependencies: {target: ImportTarget; validate: Validate | undefined; importedAt: string},
): Promise<{outcomes: FileOutcome[]; writes: ArticleWrite[]}> {
  const {target, validate, importedAt} = dependencies
  const conversions = converted.flatMap((item) => (item.conversion ? [item.conversion] : []))
  const stored = await target.load(conversions.flatMap(documentIds))
  const storedById = new Map(stored.map((document) => [document._id, document]))

  const decisions = new Map(
    conversions.map((conversion) => [
      conversion.fileName,
      decideArticle(conversion.documents.article, storedById, options.force ?? false),
    ]),
  )
  // Only what may be written is validated: an unchanged or kept article writes nothing.
  const toWrite = conversions.filter(
    (conversion) => decisions.get(conversion.fileName)?.action === 'write',
  )
  const validations =
    validate && toWrite.length > 0
      ? await validateArticles(toWrite, {stored, storedById, validate, importedAt})
      : []
  // Looked up per document, not searched per file: a batch has thousands of validations.
  const validationsById = new Map(
    validations.map((validation) => [validation.documentId, validation]),
  )

  const writes: ArticleWrite[] = []
  const outcomes = converted.map((file): FileOutcome => {
    const {fileName, conversion, error} = file
    if (!conversion)
      return {fileName, status: 'failed', review: [], notes: [], errors: [error ?? '']}
    const article = articleSummary(conversion)
    const limits = conversionDocuments(conversion).flatMap(limitProblems)
    if (limits.length > 0)
      return {fileName, status: 'failed', article, review: [], notes: [], errors: limits}
    const decision = decisions.get(fileName) ?? {action: 'kept', notes: [], onDraft: false}
    if (decision.action !== 'write') {
      const notes = [...conversion.notes, ...decision.notes]
      const id = decision.onDraft ? draftId(article.id) : article.id
      return {
        fileName,
        status: decision.action,
        article: {...article, id},
        review: [],
        notes,
        errors: [],
      }
    }
    const review = [...(file.review ?? []), ...issuesFor(conversion, validationsById, 'error')]
    if (review.length > 0 && options.strict) {
      return {fileName, status: 'failed', article, review: [], notes: [], errors: review}
    }
    const warnings = issuesFor(conversion, validationsById, 'warning')
    const written = draftOrPublished(decision, review.length > 0, options)
    const notes = [...conversion.notes, ...decision.notes, ...warnings, ...written.notes]
    const write = articleWrite(
      withNotes(conversion, [...review, ...notes]),
      storedById,
      written.asDraft,
    )
    writes.push(write)
    const {_id} = conversion.documents.article
    const existed = storedById.has(_id) || storedById.has(draftId(_id))
    const status = review.length > 0 ? 'review' : existed ? 'updated' : 'created'
    return {
      fileName,
      status,
      article: {...article, id: write.article._id},
      review,
      notes,
      errors: [],
    }
  })
  return {outcomes, writes}
}

/**
 * Validates the documents the articles to write bring, each as the Content Lake will hold it:
 * the people and newsletters not stored yet, and each article as published. An article screened
 * where it was converted goes as screened, and is read whole only if its verdict must be reached
 * again; any other split article is parsed here.
 */
async function validateArticles(
  toWrite: readonly ConvertedArticle[],
  dependencies: {
    stored: SanityDocument[]
    storedById: ReadonlyMap<string, SanityDocument>
    validate: Validate
    importedAt: string
  },
): Promise<DocumentValidation[]> {
  const {stored, storedById, validate, importedAt} = dependencies
  const published = toWrite.map(({documents}) => articleWrite(documents, storedById, false))
  const prescreened = published.flatMap(
    ({article}) => prescreenedArticle(article, importedAt) ?? [],
  )
  const screened = new Set(prescreened.map(({head}) => head._id))
  const documents = planDocuments(published, (article) => !screened.has(article._id))
  const validations = await validate(
    documents.map((document) => asValidated(document, importedAt)),
    stored,
    prescreened,
  )
  // A validator that ignored the prescreened articles would pass them unseen.
  const asked = documents.length + prescreened.length
  if (validations.length !== asked) {
    throw new Error(
      `decideFiles(): validation answered for ${validations.length} of ${asked} documents`,
    )
  }
  return validations
}

/** A split article its conversion screened, ready for a validator that confirms the verdict. */
function prescreenedArticle(
  article: AnyArticle,
  importedAt: string,
): PrescreenedDocument | undefined {
  const prescreen = isSplitArticle(article) ? article[ARTICLE_BODY].prescreen : undefined
  if (!prescreen) return undefined
  return {
    head: asValidated(article, importedAt),
    prescreen,
    whole: () => asValidated(joinArticle(article), importedAt),
  }
}

/** Whether an article to write goes to its draft, and what the report says of that. */
function draftOrPublished(
  decision: ArticleDecision,
  review: boolean,
  options: DecideOptions,
): {asDraft: boolean; notes: string[]} {
  if (review) return {asDraft: true, notes: []}
  if (options.drafts) return {asDraft: true, notes: [IMPORTED_AS_DRAFT]}
  if (decision.onDraft) return {asDraft: true, notes: [DRAFT_UPDATED]}
  return {asDraft: false, notes: []}
}

/** The article carries what the importer noticed, for editors to read in the Studio. */
function withNotes(conversion: ConvertedArticle, notes: readonly string[]) {
  const {documents} = conversion
  if (notes.length === 0) return documents
  return {...documents, article: {...documents.article, importNotes: [...notes]}}
}

function issuesFor(
  conversion: ConvertedArticle,
  validationsById: ReadonlyMap<string, DocumentValidation>,
  level: 'error' | 'warning',
): string[] {
  // In the order they were validated: the people and newsletter created first, then the article.
  const {article} = conversion.documents
  const ids = [...referencedDocuments(conversion.documents), article].map(({_id}) => _id)
  return [...new Set(ids)]
    .flatMap((id) => validationsById.get(id) ?? [])
    .flatMap((validation) =>
      validation.issues
        .filter((issue) => issue.level === level)
        .map((issue) =>
          describeIssue(
            validation.documentId === article._id ? undefined : validation.documentId,
            issue,
          ),
        ),
    )
}

function conversionDocuments({documents}: ConvertedArticle): {_id: string}[] {
  return [documents.article, ...referencedDocuments(documents)]
}

/**
 * The ids of the documents a conversion produced: its article, people and newsletter.
 *
 * @param conversion - a converted file
 * @returns their ids
 */
export function documentIds(conversion: ConvertedArticle): string[] {
  return conversionDocuments(conversion).map((document) => document._id)
}
