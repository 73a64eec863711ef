import {pageParams} from '../../queries/pageParams'
import {
  articleBySlug,
  articleOutline,
  articlesByAuthor,
  articleSlugs,
  latestArticles,
  searchArticles,
} from '../../queries/queries'

/** The values the benchmark's queries are asked about, taken from the dataset. */
export interface QueryCaseParams {
  /** The slug of an article that exists (one from the middle of the corpus). */
  slug: string
  /** The slug of a credited author. */
  authorSlug: string
  /** A word some articles contain. */
  term: string
}

/** One front-end query with the parameters it is timed with. */
export interface QueryCase {
  /** The query's export name in `queries/queries.ts`. */
  name: string
  query: string
  params: Record<string, unknown>
}

/**
 * Every query of `queries/queries.ts` with realistic parameters, in a fixed order, so the lake
 * and plain groq-js run the same cases.
 *
 * @param values - the slug, author and search term to ask about
 * @returns the cases
 */
export function queryCases({slug, authorSlug, term}: QueryCaseParams): QueryCase[] {
  return [
    {name: 'articleBySlug', query: articleBySlug, params: {slug}},
    {name: 'articleOutline', query: articleOutline, params: {slug}},
    {name: 'latestArticles', query: latestArticles, params: pageParams(0, 20)},
    {name: 'articlesByAuthor', query: articlesByAuthor, params: {authorSlug}},
    {name: 'searchArticles', query: searchArticles, params: {term}},
    {name: 'articleSlugs', query: articleSlugs, params: {}},
  ]
}
