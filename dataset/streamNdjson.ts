import type {SanityDocument} from '@sanity/client'

import {readLines, type ReadLinesOptions} from './readLines'

/**
 * Reads an NDJSON dataset (`sanity dataset export` format) one document at a time, never
 * holding the whole file. A missing file is an empty dataset.
 *
 * @param path - the dataset file
 * @param options - the read size
 * @returns its documents, in file order
 * @throws Error naming the file and line of a line that is not a document
 */
export async function* streamNdjson(
  path: string,
  options: ReadLinesOptions = {},
): AsyncGenerator<SanityDocument, void, undefined> {
  let number = 0
  for await (const line of readLines(path, options)) {
    number++
    if (line.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      throw new Error(`${path}:${number}: not valid JSON`)
    }
    if (!isDocument(value)) throw new Error(`${path}:${number}: not a document (no _id/_type)`)
    yield value
  }
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
