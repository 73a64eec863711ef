import type {SanityDocument} from '@sanity/client'

import {isRecord, type ReadLinesOptions, readLineSpans} from '../../dataset'
import {applyJournalEntry, isJournalEntry, type JournalEntry} from './journalEntry'

/** What {@link replayJournal} found in a journal. */
export interface JournalReplay {
  /** How many transactions were applied. */
  transactions: number
  /** Bytes up to the end of the last whole entry: where the next entry must be appended. */
  wholeBytes: number
  /** The number (from 1) of the torn last line that was dropped, if there was one. */
  tornLine: number | undefined
}

/**
 * Applies a journal's transactions to the dataset, reading it line by line. Only the last line
 * may be unreadable: a crash mid-append tears the entry being written, which was never
 * acknowledged, so it is dropped. An unreadable line with lines after it means the journal is
 * damaged, and skipping it could lose acknowledged transactions: that is an error. A missing
 * journal has no transactions.
 *
 * @param path - the journal file
 * @param documents - the dataset, by id, changed in place
 * @param options - the read size
 * @returns the transactions applied, and where the whole entries end
 * @throws Error naming the file and line of an unreadable line that is not the last
 */
export async function replayJournal(
  path: string,
  documents: Map<string, SanityDocument>,
  options: ReadLinesOptions = {},
): Promise<JournalReplay> {
  let transactions = 0
  let wholeBytes = 0
  let lineNumber = 0
  // Torn, if it turns out to be the last line; damage if another follows.
  let unreadable: {line: number; problem: string} | undefined
  for await (const {text, end} of readLineSpans(path, options)) {
    lineNumber++
    if (unreadable) {
      throw new Error(
        `replayJournal(): ${path}:${unreadable.line}: ${unreadable.problem}, with more lines after it; only the last line can be torn by a crash, so the journal is damaged (repair that line to start)`,
      )
    }
    const entry = parseEntry(text)
    if (typeof entry === 'string') {
      unreadable = {line: lineNumber, problem: entry}
      continue
    }
    applyJournalEntry(entry, documents)
    transactions++
    wholeBytes = end
  }
  return {transactions, wholeBytes, tornLine: unreadable?.line}
}

/** Parses one line; a string says why it is not an entry. */
function parseEntry(line: string): JournalEntry | string {
  if (line.trim() === '') return 'an empty line'
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return 'not valid JSON'
  }
  return isJournalEntry(value) && value.documents.every(isDocumentState)
    ? value
    : 'not a journal entry (no transactionId and documents)'
}

/** Whether one of an entry's documents can be applied: an id and a document or null. */
function isDocumentState(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value['id'] === 'string' &&
    (value['after'] === null || isRecord(value['after']))
  )
}
