import type {WritePlan} from '../plan/planImport'
import type {ImportTarget} from './ImportTarget'
import {readNdjson} from '../../dataset/readNdjson'
import {stampDocument} from './stampDocument'
import {toNdjson} from '../../dataset/toNdjson'
import {writeFileAtomic} from '../../dataset/writeFileAtomic'

/**
 * The local dataset: an NDJSON file in `sanity dataset export` format, read whole and replaced
 * atomically on every commit, so a crash never leaves half a file.
 *
 * @param path - the dataset file, e.g. `data/production.ndjson`
 * @returns the target
 */
export function datasetFileTarget(path: string): ImportTarget {
  return {
    description: path,
    load: () => readNdjson(path),
    commit: async (plan: WritePlan, timestamp: string) => {
      const stored = new Map((await readNdjson(path)).map((document) => [document._id, document]))
      for (const document of plan.createIfMissing) {
        if (!stored.has(document._id)) stored.set(document._id, stampDocument(document, timestamp))
      }
      for (const document of plan.replace) {
        stored.set(document._id, stampDocument(document, timestamp, stored.get(document._id)))
      }
      await writeFileAtomic(path, toNdjson(stored.values()))
    },
  }
}
