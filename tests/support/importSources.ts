import type {SanityDocument} from '@sanity/client'

import {convertSource} from '../../importer'
import {referencedDocuments} from '../../importer/documents/buildDocuments'

/**
 * Imports sources as the importer would store them, system fields included: each source's
 * article, persons and newsletter, imported a minute after the previous source.
 *
 * @param sources - the source files' names and bytes
 * @returns the documents, one per `_id` (a later source's person replaces an earlier one's)
 */
export function importSources(sources: {fileName: string; bytes: Uint8Array}[]): SanityDocument[] {
  const documents = new Map<string, SanityDocument>()
  sources.forEach(({fileName, bytes}, index) => {
    const importedAt = new Date(Date.UTC(2024, 7, 1, 0, index)).toISOString()
    const {documents: converted} = convertSource(bytes, {
      fileName,
      importedAt,
      importerVersion: 'test',
    })
    for (const document of [converted.article, ...referencedDocuments(converted)]) {
      documents.set(document._id, {
        ...document,
        _createdAt: importedAt,
        _updatedAt: importedAt,
        _rev: 'r',
      })
    }
  })
  return [...documents.values()]
}
