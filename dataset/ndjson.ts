import type {SanityDocument} from '@sanity/client'

import {readLines, type ReadLinesOptions} from './readLines'

/**
 * Reads a file of one JSON value per line, one value at a time, never holding the whole file.
 * Blank lines are skipped; a missing file has no values.
 *
 * @param path - the file
 * @param isItem - checks each value's shape
 * @param item - what a value should be, for the error: `a document (no _id/_type)`
 * @param options - the read size
 * @returns its values, in file order
 * @throws Error naming the file and line of a line that is not JSON or not an item
 */
export async function* streamJsonLines<T>(
  path: string,
  isItem: (value: unknown) => value is T,
  item: string,
  options: ReadLinesOptions = {},
): AsyncGenerator<T, void, undefined> {
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
    if (!isItem(value)) throw new Error(`${path}:${number}: not ${item}`)
    yield value
  }
}

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

/**
 * Reads an NDJSON dataset (`sanity dataset export` format), one document per line. A missing
 * file is an empty dataset. Reads line by line (see {@link streamNdjson}), so only the
 * documents, not the file's text, need to fit in memory.
 *
 * @param path - the dataset file
 * @param options - the read size
 * @returns its documents
 * @throws Error naming the file and line of a line that is not a document
 */
export async function readNdjson(
  path: string,
  options: ReadLinesOptions = {},
): Promise<SanityDocument[]> {
  const documents: SanityDocument[] = []
  for await (const document of streamNdjson(path, options)) documents.push(document)
  return documents
}

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

/**
 * Maps each item of an async sequence as it is pulled, holding none of them.
 *
 * @param items - the sequence
 * @param map - what each item becomes
 * @returns the mapped sequence
 */
export async function* mapAsync<T, U>(
  items: AsyncIterable<T>,
  map: (item: T) => U,
): AsyncGenerator<U> {
  for await (const item of items) yield map(item)
}
