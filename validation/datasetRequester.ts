import {requester as httpRequester, type SanityDocument} from '@sanity/client'
import {evaluateSync, parse, toJS} from 'groq-js'

import {buildQueryView, narrowQuery, type QueryView} from '../lake/query'

/**
 * A `@sanity/client` requester that answers GROQ queries from documents held in memory, so
 * Sanity's validation (slug uniqueness, custom rules that query) runs with no Content Lake.
 * Requests other than queries fail loudly rather than reach the network. Documents are indexed
 * as the lake indexes them, so a slug check reads its matches, not every document.
 *
 * @param documents - the dataset queries run against
 * @returns a requester for `createClient({requester})`
 */
export function createDatasetRequester(documents: readonly SanityDocument[]) {
  const view = buildQueryView(documents)
  const requester = httpRequester.clone()
  requester.use({
    interceptRequest: (previous, {context}) => {
      if (previous) return previous
      const url = new URL(context.options.url)
      const body = answerQuery(url, context.options.body, view)
      return {
        body: JSON.stringify(body),
        url: url.href,
        method: context.options.method ?? 'GET',
        headers: {'content-type': 'application/json'},
        statusCode: 200,
        statusMessage: 'OK',
      }
    },
  })
  return requester
}

function answerQuery(url: URL, body: unknown, view: QueryView) {
  if (!/\/data\/query\//.test(url.pathname)) {
    throw new Error(`datasetRequester(): "${url.pathname}" is not a query endpoint`)
  }
  const {query, params} = typeof body === 'string' ? readPostedQuery(body) : readQueryString(url)
  const {tree} = narrowQuery(parse(query, {params}), view, params)
  const result = toJS(evaluateSync(tree, {dataset: view.documents, params}))
  return {query, result, ms: 0}
}

function readQueryString(url: URL): {query: string; params: Record<string, unknown>} {
  const params: Record<string, unknown> = {}
  for (const [name, value] of url.searchParams) {
    if (name.startsWith('$')) params[name.slice(1)] = JSON.parse(value)
  }
  return {query: url.searchParams.get('query') ?? '', params}
}

function readPostedQuery(body: string): {query: string; params: Record<string, unknown>} {
  const parsed: unknown = JSON.parse(body)
  if (typeof parsed !== 'object' || parsed === null) return {query: '', params: {}}
  const query = 'query' in parsed && typeof parsed.query === 'string' ? parsed.query : ''
  const params =
    'params' in parsed && typeof parsed.params === 'object' && parsed.params !== null
      ? {...parsed.params}
      : {}
  return {query, params}
}
