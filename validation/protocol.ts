import type {Path, SanityDocument} from 'sanity'

import {isRecord} from '../dataset/guards'

/** What Sanity's validation is asked: documents to check and the dataset they join. */
export interface ValidationRequest {
  /** Documents to validate. */
  documents: SanityDocument[]
  /** Documents already in the dataset (references and slug uniqueness are checked against them). */
  dataset: SanityDocument[]
}

/**
 * A {@link ValidationRequest} as it travels to the validation worker: serialised once
 * (`v8.serialize`) where it is made and read where it is answered, so the process between them
 * passes its bytes on instead of copying every document twice.
 */
export interface SerializedValidationRequest {
  /** Matches the reply to the request. */
  id: number
  /** The request, as `v8.serialize` writes it. */
  request: Uint8Array
}

/** One problem Sanity's validation found, at a path relative to the document root. */
export interface ValidationIssue {
  level: 'error' | 'warning' | 'info'
  message: string
  path: Path
  /** The field as the Studio titles it, e.g. `Sections › Section 2 › Heading` (see fieldTitle). */
  field: string
}

/** The outcome of validating one document. */
export interface DocumentValidation {
  documentId: string
  documentType: string
  issues: ValidationIssue[]
}

/** Validation against the Studio schema, kept loaded for repeated use. */
export interface Validator {
  /**
   * Validates documents: every marker comes from Sanity's `validateDocument`.
   *
   * @param documents - documents to validate
   * @param dataset - stored documents that references and unique slugs are checked against
   * @returns one result per document, in input order, with every marker Sanity raised
   */
  validate: (
    documents: SanityDocument[],
    dataset?: SanityDocument[],
  ) => Promise<DocumentValidation[]>
  /** Stops whatever it started. */
  close: () => Promise<void>
}

/**
 * The documents a validation checks references and slugs against: the stored ones with the
 * batch, where a batch document replaces a stored one with the same id.
 *
 * @param documents - the documents being validated
 * @param dataset - the stored documents
 * @returns every document by id
 */
export function knownDocuments(
  documents: readonly SanityDocument[],
  dataset: readonly SanityDocument[],
): Map<string, SanityDocument> {
  return new Map([...dataset, ...documents].map((document) => [document._id, document]))
}

/** The worker's answer to a {@link SerializedValidationRequest}: results, or why it could not validate. */
export type ValidationReply =
  {id: number; results: DocumentValidation[]} | {id: number; error: string}

/** Narrows a message to the worker to a {@link SerializedValidationRequest}. */
export function isSerializedValidationRequest(
  value: unknown,
): value is SerializedValidationRequest {
  return (
    isRecord(value) && typeof value['id'] === 'number' && value['request'] instanceof Uint8Array
  )
}

/** Narrows a deserialised request to a {@link ValidationRequest}. */
export function isValidationRequest(value: unknown): value is ValidationRequest {
  return isRecord(value) && Array.isArray(value['documents']) && Array.isArray(value['dataset'])
}

/** Narrows a message from the worker to a {@link ValidationReply}. */
export function isValidationReply(value: unknown): value is ValidationReply {
  if (!isRecord(value) || typeof value['id'] !== 'number') return false
  const results = value['results']
  return (
    typeof value['error'] === 'string' ||
    (Array.isArray(results) &&
      results.every(
        (item) =>
          isRecord(item) && typeof item['documentId'] === 'string' && Array.isArray(item['issues']),
      ))
  )
}
