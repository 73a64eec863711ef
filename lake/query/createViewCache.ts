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
 * write is then layered over them: a view after a write costs the documents written since the
 * view before it, not the whole dataset. Layers stack up to {@link MAX_DEPTH} deep, and are
 * then merged into one over the built view (costing every document written since it was built);
 * once those pass `maxChanged`, the view is built afresh. Other perspectives are built on the
 * first query after a write.
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
        return currentView(layers)
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

/**
 * Layers stacked over a built view before they are merged into one: a lookup goes through each,
 * and merging costs every document written since the view was built.
 */
const MAX_DEPTH = 8

/** A view that knows each document's place by id: the built view, or a layer over it. */
interface PlacedView extends QueryView {
  /** The place of the document with an `_id`, or undefined when there is none. */
  placeOf: (id: string) => number | undefined
  /** Layers between this view and the built one (0 for the built one). */
  depth: number
}

/** Writes since a view: each document written, as it is now (null: deleted), and new places. */
interface Changes {
  changed: Map<string, SanityDocument | null>
  /** The place of each document not at its place before: new, or deleted and made again. */
  moved: Map<string, number>
}

/** A built view and the writes since: what a layered view is made of. */
interface Layers extends Changes {
  base: BuiltQueryView
  /** The place the next new document takes. */
  next: number
  /** The writes since `top` was made (all of them when there is no `top`). */
  since: Changes
  /** The latest layered view, which the next one is stacked on. */
  top?: PlacedView
  /** The view of the layers as they are, made when first asked for after a write. */
  view?: QueryView
}

function newLayers(base: BuiltQueryView): Layers {
  return {
    base,
    changed: new Map(),
    moved: new Map(),
    next: base.documents().length,
    since: {changed: new Map(), moved: new Map()},
  }
}

/** Follows the store: a replaced document keeps its place; a new one comes last. */
function record(layers: Layers, id: string, after: SanityDocument | null): void {
  const {changed, moved, base, since} = layers
  const exists = changed.has(id) ? changed.get(id) != null : base.positionOf(id) !== undefined
  if (after && !exists) {
    const place = layers.next++
    moved.set(id, place)
    since.moved.set(id, place)
  }
  changed.set(id, after)
  since.changed.set(id, after)
  layers.view = undefined
}

/**
 * The view of the layers: the built view when nothing was written since, a layer of the writes
 * since the last view stacked on it, or every write since the built view merged into one layer.
 */
function currentView(layers: Layers): QueryView {
  if (layers.view) return layers.view
  const {base, top, since} = layers
  if (layers.changed.size === 0) return (layers.view = base)
  // The layers keep changing: a merged layer copies what it needs of them.
  const layer =
    top && top.depth < MAX_DEPTH
      ? layeredView(top, since)
      : layeredView(
          {...base, placeOf: base.positionOf, depth: 0},
          {changed: new Map(layers.changed), moved: new Map(layers.moved)},
        )
  layers.since = {changed: new Map(), moved: new Map()}
  layers.top = layer
  layers.view = layer
  return layer
}

/** The view below with the changes layered over it; later writes leave it as it is. */
function layeredView(below: PlacedView, {changed, moved}: Changes): PlacedView {
  const placeOf = (id: string) => {
    if (!changed.has(id)) return below.placeOf(id)
    return changed.get(id) ? (moved.get(id) ?? below.placeOf(id)) : undefined
  }
  const place = (document: SanityDocument) => placeOf(document._id) ?? -1
  const written = [...changed.values()]
    .filter((document) => document !== null)
    .sort((a, b) => place(a) - place(b))
  // What each field's lookups gain (the written documents, indexed as a view of their own) and
  // lose (what they replaced).
  const added = buildQueryView(written)
  const removed: Record<IndexedField, Map<string, number>> = {
    '_id': new Map(),
    '_type': new Map(),
    'slug.current': new Map(),
  }
  for (const id of changed.keys()) {
    const replaced = below.lookup('_id', id)[0]
    if (!replaced) continue
    for (const [field, value] of indexEntries(replaced)) {
      removed[field].set(value, (removed[field].get(value) ?? 0) + 1)
    }
  }
  const current = (document: SanityDocument) => !changed.has(document._id)
  const inOrder = (a: readonly SanityDocument[], b: readonly SanityDocument[]) =>
    mergeInOrder(a, b, place)
  // Each lookup once: a layer above asks again for every lookup made through it.
  const lookups: Record<IndexedField, Map<string, readonly SanityDocument[]>> = {
    '_id': new Map(),
    '_type': new Map(),
    'slug.current': new Map(),
  }
  let all: readonly SanityDocument[] | undefined
  return {
    depth: below.depth + 1,
    placeOf,
    documents: () => (all ??= inOrder(below.documents().filter(current), written)),
    lookup: (field, value) => {
      const known = lookups[field].get(value)
      if (known) return known
      const hits = below.lookup(field, value)
      const kept = removed[field].has(value) ? hits.filter(current) : hits
      const gained = added.lookup(field, value)
      const found = gained.length > 0 ? inOrder(kept, gained) : kept
      lookups[field].set(value, found)
      return found
    },
    count: (field, value) =>
      below.count(field, value) - (removed[field].get(value) ?? 0) + added.count(field, value),
    position: place,
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
