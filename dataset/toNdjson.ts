import type {SanityDocument} from '@sanity/client'

import {ndjsonLines} from './ndjsonLines'

/**
 * Serialises documents as NDJSON sorted by id, so the same documents always give the same bytes.
 * One string: for large datasets write {@link ndjsonLines} with `writeFileAtomic` instead.
 *
 * @param documents - documents to write
 * @returns one JSON document per line, newline-terminated
 */
export function toNdjson(documents: Iterable<SanityDocument>): string {
  return [...ndjsonLines(documents)].join('')
}
