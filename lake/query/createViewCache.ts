import type {SanityDocument} from '@sanity/client'

import {buildQueryView, type BuiltQueryView, indexEntries, type QueryView} from './buildQueryView'
import type {IndexedField} from './indexedValue'
import {isPublishedId, type Perspective, perspectiveDocuments} from './perspectiveDocuments'
import type {ReplicaChange} from './queryWorkerProtocol'

/** How many perspectives' views are kept at once (release stacks can name many). */
const KEPT_VIEWS = 8

/** Query views per perspective, built on demand and kept up to date with the writes. */
export interface ViewCache {
  /** The view for a perspective as the dataset is now. */
  view: (perspective: Perspective) => QueryView
  /**
   * Takes in what a committed write changed. The `raw` and `published` views follow the write
   * at the cost of the documents it changed; the others are built again when next asked for.
   */
  apply: (changes: readonly ReplicaChange[]) => void
  /** Drops every view, to be built again from the documents when next asked for. */
  invalidate: () => void
}

/** How a {@link ViewCache} balances following writes against building views again. */
export interface ViewCacheOptions {
  /**
   * Documents changed since a view's indexes were built beyond which they are built again: an
   * eighth of the documents, and at least 1,024, by default. Tests set 0 and Infinity.
   */
  maxChanged?: (documents: number) => number
}

/**
 * Caches the lake's query views. The `raw` and `published` views (what the importer, the
 * Studio's reference and slug checks and most front-end queries read) are built once, and each
 * write is then layered over them: a view after a write costs the documents written since,
 * not the whole dataset. Once those pass `maxChanged`, the view is built afresh. Other
 * perspectives are built on the first query after a write.
 *
 * @param documents - reads every stored document, in dataset order
 * @param options - when layered views are built afresh
 * @returns the cache
 */
export function createViewCache(
  documents: () => Iterable<SanityDocument>,
  options: ViewCacheOptions = {},
): ViewCache {
  const maxChanged = options.maxChanged ?? ((count) => Math.max(1024, count / 8))
  let views = new Map<string, QueryView>()
  let layered = new Map<'raw' | 'published', Layers>()
  return {
    view: (perspective) => {
      if (perspective === 'raw' || perspective === 'published') {
        let layers = layered.get(perspective)
        if (!layers) {
          layers = newLayers(buildQueryView(perspectiveDocuments(documents(), perspective)))
          layered.set(perspective, layers)
        }
        layers.view ??= layers.changed.size === 0 ? layers.base : layeredView(layers)
        return layers.view
      }
      const key = JSON.stringify(perspective)
      const cached = views.get(key)
      if (cached) return cached
      const built = buildQueryView(perspectiveDocuments(documents(), perspective))
      views.set(key, built)
      const oldest = views.keys().next().value
      if (views.size > KEPT_VIEWS && oldest !== undefined) views.delete(oldest)
      return built
    },
    apply: (changes) => {
      views = new Map()
      for (const [perspective, layers] of layered) {
        for (const {id, after} of changes) {
          if (perspective === 'published' && !isPublishedId(id)) continue
          record(layers, id, after)
        }
        if (layers.changed.size > maxChanged(layers.base.documents().length)) {
          layered.delete(perspective)
        }
      }
    },
    invalidate: () => {
      views = new Map()
      layered = new Map()
    },
  }
}

/** A built view and the writes since: what a layered view is made of. */
interface Layers {
  base: BuiltQueryView
  /** Each document written since the base was built, as it is now (null: deleted). */
  changed: Map<string, SanityDocument | null>
  /** The place of each document not at its place in the base: new, or deleted and made again. */
  moved: Map<string, number>
  /** The place the next new document takes. */
  next: number
  /** The view of the layers as they are, made when first asked for after a write. */
  view?: QueryView
}

function newLayers(base: BuiltQueryView): Layers {
  return {base, changed: new Map(), moved: new Map(), next: base.documents().length}
}

/** Follows the store: a replaced document keeps its place; a new one comes last. */
function record(layers: Layers, id: string, after: SanityDocument | null): void {
  const {changed, moved, base} = layers
  const exists = changed.has(id) ? changed.get(id) != null : base.positionOf(id) !== undefined
  if (after && !exists) moved.set(id, layers.next++)
  changed.set(id, after)
  layers.view = undefined
}

/**
 * The base with the changed documents layered over it. It copies what it needs from the layers,
 * so later writes leave it as it is.
 */
function layeredView(layers: Layers): QueryView {
  const {base} = layers
  const changed = new Map(layers.changed)
  const moved = new Map(layers.moved)
  const place = (id: string) => moved.get(id) ?? base.positionOf(id) ?? -1
  const written = [...changed.values()]
    .filter((document) => document !== null)
    .sort((a, b) => place(a._id) - place(b._id))
  // What each field's lookups gain (the written documents, indexed as a view of their own) and
  // lose (what they replaced).
  const added = buildQueryView(written)
  const removed: Record<IndexedField, Map<string, number>> = {
    '_id': new Map(),
    '_type': new Map(),
    'slug.current': new Map(),
  }
  for (const id of changed.keys()) {
    const replaced = base.lookup('_id', id)[0]
    if (!replaced) continue
    for (const [field, value] of indexEntries(replaced)) {
      removed[field].set(value, (removed[field].get(value) ?? 0) + 1)
    }
  }
  const current = (document: SanityDocument) => !changed.has(document._id)
  const inOrder = (a: readonly SanityDocument[], b: readonly SanityDocument[]) =>
    mergeInOrder(a, b, (document) => place(document._id))
  let all: readonly SanityDocument[] | undefined
  return {
    documents: () => (all ??= inOrder(base.documents().filter(current), written)),
    lookup: (field, value) => {
      const hits = base.lookup(field, value)
      const kept = removed[field].has(value) ? hits.filter(current) : hits
      const gained = added.lookup(field, value)
      return gained.length > 0 ? inOrder(kept, gained) : kept
    },
    count: (field, value) =>
      base.count(field, value) - (removed[field].get(value) ?? 0) + added.count(field, value),
    position: (document) => place(document._id),
  }
}

/** Two lists each in dataset order, merged into one in dataset order. */
function mergeInOrder(
  a: readonly SanityDocument[],
  b: readonly SanityDocument[],
  place: (document: SanityDocument) => number,
): SanityDocument[] {
  const merged: SanityDocument[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    const left = a[i]
    const right = b[j]
    if (left && (!right || place(left) < place(right))) {
      merged.push(left)
      i++
    } else if (right) {
      merged.push(right)
      j++
    }
  }
  return merged
}
