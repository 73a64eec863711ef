import type {Path, SanityDocument} from 'sanity'

/** What the validation worker is asked: documents to check and the dataset they join. */
export interface ValidationRequest {
  /** Documents to validate. */
  documents: SanityDocument[]
  /** Documents already in the dataset (references and slug uniqueness are checked against them). */
  dataset: SanityDocument[]
}

/** One problem Sanity's validation found, at a path relative to the document root. */
export interface ValidationIssue {
  level: 'error' | 'warning' | 'info'
  message: string
  path: Path
}

/** The outcome of validating one document. */
export interface DocumentValidation {
  documentId: string
  documentType: string
  issues: ValidationIssue[]
}

/** Narrows the worker's `workerData` to a {@link ValidationRequest}. */
export function isValidationRequest(value: unknown): value is ValidationRequest {
  return isRecord(value) && Array.isArray(value['documents']) && Array.isArray(value['dataset'])
}

/** Narrows the worker's reply to a list of {@link DocumentValidation}s. */
export function isValidationReply(value: unknown): value is DocumentValidation[] {
  return (
    Array.isArray(value) &&
    value.every(
      (item) =>
        isRecord(item) && typeof item['documentId'] === 'string' && Array.isArray(item['issues']),
    )
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
