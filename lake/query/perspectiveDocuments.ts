import type {SanityDocument} from '@sanity/client'

/** A perspective: `raw`, `published`, `drafts`, or a stack of release names over drafts. */
export type Perspective = 'raw' | 'published' | 'drafts' | string[]

/**
 * The documents a query sees under a perspective, as the Content Lake defines them: `raw` is
 * everything; `published` leaves out drafts and versions; `drafts` (and release stacks) show
 * each document once, under its published id, taken from the highest layer that has it, with
 * `_originalId` naming the stored document.
 *
 * @param documents - every stored document
 * @param perspective - the perspective
 * @returns the documents to query
 */
export function perspectiveDocuments(
  documents: Iterable<SanityDocument>,
  perspective: Perspective,
): SanityDocument[] {
  const all = [...documents]
  if (perspective === 'raw') return all
  if (perspective === 'published') return all.filter((document) => isPublishedId(document._id))
  const layers =
    perspective === 'drafts' ? ['drafts'] : perspective.filter((layer) => layer !== 'published')
  const chosen = new Map<string, {rank: number; document: SanityDocument}>()
  for (const document of all) {
    const {publishedId, layer} = splitId(document._id)
    const rank = layer === undefined ? layers.length : layers.indexOf(layer)
    if (rank === -1) continue
    const current = chosen.get(publishedId)
    if (!current || rank < current.rank) chosen.set(publishedId, {rank, document})
  }
  return [...chosen.entries()].map(([publishedId, {document}]) =>
    document._id === publishedId
      ? document
      : {...document, _id: publishedId, _originalId: document._id},
  )
}

/**
 * Whether an id is a published document's: neither a draft (`drafts.`) nor a version
 * (`versions.<release>.`).
 *
 * @param id - a document id
 * @returns true for a published id
 */
export function isPublishedId(id: string): boolean {
  return !id.startsWith('drafts.') && !id.startsWith('versions.')
}

function splitId(id: string): {publishedId: string; layer?: string} {
  if (id.startsWith('drafts.')) return {publishedId: id.slice('drafts.'.length), layer: 'drafts'}
  const version = /^versions\.([^.]+)\.(.+)$/.exec(id)
  if (version) return {publishedId: version[2] ?? id, layer: version[1] ?? ''}
  return {publishedId: id}
}
