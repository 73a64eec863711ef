import type {SanityDocument} from '@sanity/client'

import type {ImportTarget} from '../../importer'

/**
 * A target holding `stored`, recording what it is asked to load and the articles it is asked to
 * write; its commit reports `result`'s articles kept or not written.
 *
 * @param stored - what every load returns
 * @param result - the articles the commit reports kept, or not written
 * @returns the target, the ids of each load, and the article ids of each commit
 */
export function recordingTarget(
  stored: SanityDocument[] = [],
  result: {kept?: string[]; unwritten?: string[]} = {},
) {
  const loads: string[][] = []
  const commits: string[][] = []
  const target: ImportTarget = {
    description: 'memory',
    load: async (ids) => {
      loads.push([...ids])
      return stored
    },
    slugOwners: async () => new Map(),
    commit: async (writes) => {
      const ids: string[] = []
      for await (const {article} of writes) ids.push(article._id)
      commits.push(ids)
      return {kept: new Set(result.kept), unwritten: new Set(result.unwritten)}
    },
  }
  return {target, loads, commits}
}
