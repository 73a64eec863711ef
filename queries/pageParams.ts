/**
 * The parameters of a `latestArticles` page: the first item's offset and the end of the slice.
 *
 * @param offset - items to skip
 * @param limit - items per page
 * @returns `{offset, end}` for `latestArticles`
 */
export function pageParams(offset: number, limit: number): {offset: number; end: number} {
  return {offset, end: offset + limit}
}
