import type {SanityDocument} from '@sanity/client'

import type {Utf8Builder} from '../../dataset'

/** A committed transaction as the journal records it: the documents' states after it. */
export interface JournalEntry {
  transactionId: string
  timestamp: string
  documents: {
    id: string
    after: SanityDocument | null
    /** The document's JSON in pieces, when it is known already (see `stampedJson`). */
    json?: readonly Uint8Array[]
  }[]
}

/** What the lake stamps on every document it writes, in the order `applyMutations` adds them. */
const STAMPS = ['_createdAt', '_updatedAt', '_rev'] as const
const LINE_FEED = 0x0a
const CLOSING_BRACE = 0x7d
const UTF8 = new TextEncoder()

/**
 * A written document's JSON made from the JSON its create carried, when the lake only stamped
 * it: those bytes up to their closing brace, then `_createdAt`, `_updatedAt` and `_rev`, the
 * keys `applyMutations` adds after the body's own. It parses to the document as written, so
 * the journal need not serialise what the request already held. A body that carried a stamp or
 * no `_id` became more than itself stamped, and bytes with a line feed in them (a request sent
 * pretty-printed) would break the journal's line: for those, undefined.
 *
 * @param received - the body's JSON as the request carried it, without whitespace around it
 * @param body - the body as parsed
 * @param after - the document written from it
 * @returns the document's JSON in pieces, or undefined when it must be serialised
 */
export function stampedJson(
  received: Uint8Array,
  body: Readonly<Record<string, unknown>>,
  after: SanityDocument,
): Uint8Array[] | undefined {
  if (body['_id'] !== after._id || STAMPS.some((stamp) => stamp in body)) return undefined
  if (received.at(-1) !== CLOSING_BRACE || received.includes(LINE_FEED)) return undefined
  const stamps = STAMPS.map((stamp) => `,"${stamp}":${JSON.stringify(after[stamp])}`).join('')
  return [received.subarray(0, -1), UTF8.encode(`${stamps}}`)]
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
 *   its JSON lies: bytes `start` to `end`, `JSON.stringify(after)` or the pieces given
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
  for (const [index, {id, after, json}] of documents.entries()) {
    builder.append(`${index === 0 ? '' : ','}{"id":${JSON.stringify(id)},"after":`)
    const start = builder.byteLength
    if (after && json) for (const piece of json) builder.appendBytes(piece)
    else builder.append(JSON.stringify(after))
    if (after) onDocument?.(id, start, builder.byteLength)
    builder.append('}')
  }
  builder.append(']}\n')
  return builder.bytes()
}
