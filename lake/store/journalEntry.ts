import type {SanityDocument} from '@sanity/client'

/** A committed transaction as the journal records it: the documents' states after it. */
export interface JournalEntry {
  transactionId: string
  timestamp: string
  documents: {id: string; after: SanityDocument | null}[]
}

/**
 * Narrows a parsed journal line to a {@link JournalEntry}.
 *
 * @param value - one parsed line
 * @returns true when it has a transaction id and a list of documents
 */
export function isJournalEntry(value: unknown): value is JournalEntry {
  return (
    typeof value === 'object' &&
    value !== null &&
    'transactionId' in value &&
    'documents' in value &&
    Array.isArray(value.documents)
  )
}

/**
 * Sets each document of a transaction to its state after it. Idempotent, so replaying an entry
 * the snapshot already holds changes nothing.
 *
 * @param entry - the transaction
 * @param documents - the dataset, by id, changed in place
 */
export function applyJournalEntry(
  entry: JournalEntry,
  documents: Map<string, SanityDocument>,
): void {
  for (const {id, after} of entry.documents) {
    if (after) documents.set(id, after)
    else documents.delete(id)
  }
}
