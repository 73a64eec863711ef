import type {SanityDocument} from '@sanity/client'

import type {ReadLinesOptions} from './readLines'
import {streamJsonLines} from './streamJsonLines'

/**
 * Reads an NDJSON dataset (`sanity dataset export` format) one document at a time, never
 * holding the whole file. A missing file is an empty dataset.
 *
 * @param path - the dataset file
 * @param options - the read size
 * @returns its documents, in file order
 * @throws Error naming the file and line of a line that is not a document
 */
export function streamNdjson(
  path: string,
  options: ReadLinesOptions = {},
): AsyncGenerator<SanityDocument, void, undefined> {
  return streamJsonLines(path, isDocument, 'a document (no _id/_type)', options)
}

function isDocument(value: unknown): value is SanityDocument {
  return (
    typeof value === 'object' &&
    value !== null &&
    '_id' in value &&
    typeof value._id === 'string' &&
    '_type' in value &&
    typeof value._type === 'string'
  )
}
