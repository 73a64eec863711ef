import type {SanityDocument} from '@sanity/client'

/**
 * Serialises documents as NDJSON lines sorted by id, one at a time, so the same documents
 * always give the same bytes and a large dataset is never one string.
 *
 * @param documents - documents to write
 * @returns one JSON document per line, each newline-terminated
 */
export function* ndjsonLines(
  documents: Iterable<SanityDocument>,
): Generator<string, void, undefined> {
  const sorted = [...documents].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
  for (const document of sorted) yield `${JSON.stringify(document)}\n`
}
