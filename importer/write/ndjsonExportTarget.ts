import type {SanityDocument} from '@sanity/client'

import {ndjsonLines} from '../../dataset/ndjson'
import {writeFileAtomic} from '../../dataset/writeFileAtomic'
import {type ArticleWrite, planDocuments} from '../plan/planImport'
import type {ImportTarget} from './ImportTarget'
import {stampDocument} from './stampDocument'

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
    slugOwners: async () => new Map(),
    commit: async (writes: AsyncIterable<ArticleWrite>, timestamp: string) => {
      // The file is sorted by id, so the run's documents are gathered before it is written.
      const articles: ArticleWrite[] = []
      for await (const write of writes) articles.push(write)
      const documents: SanityDocument[] = planDocuments(articles).map((document) =>
        stampDocument(document, timestamp),
      )
      await writeFileAtomic(path, ndjsonLines(documents))
      return {kept: new Set<string>(), unwritten: new Set<string>()}
    },
  }
}
