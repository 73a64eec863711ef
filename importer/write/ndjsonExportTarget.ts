import type {SanityDocument} from '@sanity/client'

import {planDocuments, type WritePlan} from '../plan/planImport'
import type {ImportTarget} from './ImportTarget'
import {stampDocument} from './stampDocument'
import {toNdjson} from '../../dataset/toNdjson'
import {writeFileAtomic} from '../../dataset/writeFileAtomic'

/**
 * An export file holding exactly the documents of one run, loadable by `sanity dataset import`.
 * Nothing is read from it: every document of the run is written.
 *
 * @param path - the file to write
 * @returns the target
 */
export function ndjsonExportTarget(path: string): ImportTarget {
  return {
    description: path,
    load: async () => [],
    commit: async (plan: WritePlan, timestamp: string) => {
      const documents: SanityDocument[] = planDocuments(plan).map((document) =>
        stampDocument(document, timestamp),
      )
      await writeFileAtomic(path, toNdjson(documents))
      return {kept: new Set<string>(), unwritten: new Set<string>()}
    },
  }
}
