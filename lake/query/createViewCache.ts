import type {SanityDocument} from '@sanity/client'

import {buildQueryView, type QueryView} from './buildQueryView'
import {type Perspective, perspectiveDocuments} from './perspectiveDocuments'

/** How many perspectives' views are kept at once (release stacks can name many). */
const KEPT_VIEWS = 8

/** Query views per perspective, built on demand and dropped when the dataset changes. */
export interface ViewCache {
  /** The view for a perspective: built on the first call after a write, then reused. */
  view: (perspective: Perspective) => QueryView
  /** Drops every view; call it after each committed write. */
  invalidate: () => void
}

/**
 * Caches the lake's query views, so that the perspective's documents are gathered and indexed
 * once per write rather than once per query.
 *
 * @param documents - reads every stored document
 * @returns the cache
 */
export function createViewCache(documents: () => Iterable<SanityDocument>): ViewCache {
  let views = new Map<string, QueryView>()
  return {
    view: (perspective) => {
      const key = typeof perspective === 'string' ? perspective : JSON.stringify(perspective)
      const cached = views.get(key)
      if (cached) return cached
      const built = buildQueryView(perspectiveDocuments(documents(), perspective))
      views.set(key, built)
      const oldest = views.keys().next().value
      if (views.size > KEPT_VIEWS && oldest !== undefined) views.delete(oldest)
      return built
    },
    invalidate: () => {
      views = new Map()
    },
  }
}
