import {readFile} from 'node:fs/promises'

import type {SanityDocument} from '@sanity/client'

/**
 * Reads an NDJSON dataset (`sanity dataset export` format), one document per line. A missing
 * file is an empty dataset.
 *
 * @param path - the dataset file
 * @returns its documents
 * @throws Error naming the file and line of a line that is not a document
 */
export async function readNdjson(path: string): Promise<SanityDocument[]> {
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    if (isNotFound(error)) return ''
    throw error
  })
  const documents: SanityDocument[] = []
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      throw new Error(`${path}:${index + 1}: not valid JSON`)
    }
    if (!isDocument(value)) throw new Error(`${path}:${index + 1}: not a document (no _id/_type)`)
    documents.push(value)
  })
  return documents
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

function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT'
}
