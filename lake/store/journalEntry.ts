import type {SanityDocument} from '@sanity/client'

import type {Utf8Builder} from '../../dataset'

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

/**
 * An entry's journal line, `JSON.stringify(entry)` and a newline as UTF-8, encoded a document at
 * a time into a reused buffer: a transaction of thirty articles is a line of hundreds of
 * kilobytes, which as one string takes ten times as long to encode.
 *
 * @param entry - the transaction
 * @param builder - the buffer to encode into, reset first
 * @param onDocument - hears, for each document the entry writes (not deletes), where in the line
 *   its JSON lies: bytes `start` to `end`, exactly `JSON.stringify(after)`
 * @returns the line's bytes: a view into the builder, valid until its next use
 */
export function encodeJournalLine(
  entry: JournalEntry,
  builder: Utf8Builder,
  onDocument?: (id: string, start: number, end: number) => void,
): Buffer {
  builder.reset()
  const {transactionId, timestamp, documents} = entry
  builder.append(
    `{"transactionId":${JSON.stringify(transactionId)},"timestamp":${JSON.stringify(timestamp)},"documents":[`,
  )
  for (const [index, {id, after}] of documents.entries()) {
    builder.append(`${index === 0 ? '' : ','}{"id":${JSON.stringify(id)},"after":`)
    const start = builder.byteLength
    builder.append(JSON.stringify(after))
    if (after) onDocument?.(id, start, builder.byteLength)
    builder.append('}')
  }
  builder.append(']}\n')
  return builder.bytes()
}
