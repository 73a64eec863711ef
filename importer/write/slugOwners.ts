import {isRecord} from '../../dataset/guards'
import {ARTICLE_TYPE} from '../../schemas/constants'

/** Slugs per query, posted as a parameter. */
const SLUGS_PER_QUERY = 500
/** The articles, drafts and versions included, that hold any of some slugs. */
const SLUG_OWNERS = `*[_type == $type && slug.current in $slugs]{_id, "slug": slug.current}`

/** Runs a GROQ query over every document, drafts and versions included (`perspective: 'raw'`). */
export type RawQuery = (query: string, params: {type: string; slugs: string[]}) => Promise<unknown>

/**
 * Finds the stored articles, published or draft, that hold slugs, a few hundred slugs a query.
 *
 * @param slugs - slugs articles would take
 * @param query - runs the query against the dataset, retrying as its caller sees fit
 * @returns the published ids of the articles holding each slug that any holds
 */
export async function findSlugOwners(
  slugs: readonly string[],
  query: RawQuery,
): Promise<Map<string, string[]>> {
  const owners = new Map<string, string[]>()
  for (let start = 0; start < slugs.length; start += SLUGS_PER_QUERY) {
    const params = {type: ARTICLE_TYPE, slugs: slugs.slice(start, start + SLUGS_PER_QUERY)}
    const rows = await query(SLUG_OWNERS, params)
    for (const row of Array.isArray(rows) ? rows : []) {
      if (!isRecord(row) || typeof row['_id'] !== 'string' || typeof row['slug'] !== 'string')
        continue
      const id = publishedId(row['_id'])
      const holders = owners.get(row['slug']) ?? []
      if (!holders.includes(id)) owners.set(row['slug'], [...holders, id])
    }
  }
  return owners
}

/** `drafts.x` and `versions.<release>.x` are versions of `x`. */
function publishedId(id: string): string {
  if (id.startsWith('drafts.')) return id.slice('drafts.'.length)
  if (id.startsWith('versions.')) return id.split('.').slice(2).join('.')
  return id
}
