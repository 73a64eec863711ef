import type {SanityDocument} from '@sanity/client'

/**
 * Serialises documents as NDJSON sorted by id, so the same documents always give the same bytes.
 *
 * @param documents - documents to write
 * @returns one JSON document per line, newline-terminated
 */
export function toNdjson(documents: Iterable<SanityDocument>): string {
  const sorted = [...documents].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
  return sorted.map((document) => `${JSON.stringify(document)}\n`).join('')
}
