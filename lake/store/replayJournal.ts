import type {SanityDocument} from '@sanity/client'

import {readLines, type ReadLinesOptions} from '../../dataset'
import {applyJournalEntry} from './applyJournalEntry'
import {isJournalEntry, type JournalEntry} from './journalEntry'

/**
 * Applies a journal's transactions to the dataset, reading it line by line. A line that is not
 * a whole entry — the torn last line of a crash mid-write, never acknowledged — is skipped. A
 * missing journal has no transactions.
 *
 * @param path - the journal file
 * @param documents - the dataset, by id, changed in place
 * @param options - the read size
 * @returns how many transactions were applied
 */
export async function replayJournal(
  path: string,
  documents: Map<string, SanityDocument>,
  options: ReadLinesOptions = {},
): Promise<number> {
  let count = 0
  for await (const line of readLines(path, options)) {
    const entry = parseEntry(line)
    if (!entry) continue
    applyJournalEntry(entry, documents)
    count++
  }
  return count
}

function parseEntry(line: string): JournalEntry | undefined {
  if (line.trim() === '') return undefined
  try {
    const value: unknown = JSON.parse(line)
    return isJournalEntry(value) ? value : undefined
  } catch {
    return undefined
  }
}
