import type {SanityClient, SanityDocument} from '@sanity/client'

import {canonicalJson} from '../documents/contentHash'
import {shortHash} from '../documents/contentKey'
import type {WritePlan} from '../plan/planImport'
import type {ImportTarget} from './ImportTarget'

/**
 * A Content Lake reached through `@sanity/client`: the local lake or a hosted project. The plan
 * is one transaction — people and newsletters with `createIfNotExists`, so an editor's changes
 * to them are never overwritten, articles with `createOrReplace` — and its id is derived from
 * its content, so the same plan always gives the same revision.
 *
 * @param client - a client with write access to the dataset
 * @param description - where it writes, for the report
 * @returns the target
 */
export function clientTarget(client: SanityClient, description: string): ImportTarget {
  return {
    description,
    load: async (ids) => {
      const wanted = [...new Set(ids.flatMap((id) => [id, `drafts.${id}`]))]
      if (wanted.length === 0) return []
      const found = await client.getDocuments(wanted)
      return found.filter((document): document is SanityDocument => document !== null)
    },
    commit: async (plan: WritePlan) => {
      const transaction = client.transaction()
      for (const document of plan.createIfMissing)
        transaction.createIfNotExists<Record<string, unknown>>(document)
      for (const document of plan.replace) transaction.createOrReplace(document)
      await transaction.commit({
        transactionId: shortHash(canonicalJson(plan)),
        visibility: 'sync',
        returnDocuments: false,
      })
    },
  }
}
