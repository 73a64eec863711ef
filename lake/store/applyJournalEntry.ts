import type {SanityDocument} from '@sanity/client'

import type {JournalEntry} from './journalEntry'

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
