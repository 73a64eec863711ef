import {evaluate, parse} from 'groq-js'

import {isRecord} from '../../../dataset/guards'
import {articleBySlug} from '../../../queries/queries'
import type {RenderableArticle} from '../../../render/types'

/** The slug the previewed article is given, so the front-end's own query finds it. */
const PREVIEW_SLUG = 'newsroom-preview'
const ARTICLE_BY_SLUG = parse(articleBySlug)

/**
 * The ids an article refers to (its authors, its newsletters), to fetch for its preview.
 *
 * @param value - the article as the form holds it
 * @returns each referenced id once, sorted
 */
export function referencedIds(value: unknown): string[] {
  const ids = new Set<string>()
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit)
    else if (isRecord(node)) {
      if (typeof node['_ref'] === 'string') ids.add(node['_ref'])
      Object.values(node).forEach(visit)
    }
  }
  visit(value)
  return [...ids].sort()
}

/**
 * The article as a front-end would get it: the `articleBySlug` query evaluated over the article
 * the editor sees (unsaved changes included) and the documents it refers to, so the preview
 * shows what readers will see, with no slug or publication needed yet.
 *
 * @param article - the article as the form holds it
 * @param referenced - the people and newsletters it refers to
 * @returns the article ready to render, or undefined for a value that is no article
 */
export async function previewArticle(
  article: Record<string, unknown>,
  referenced: readonly unknown[],
): Promise<RenderableArticle | undefined> {
  const previewed = {...article, _type: 'article', slug: {_type: 'slug', current: PREVIEW_SLUG}}
  const result = await evaluate(ARTICLE_BY_SLUG, {
    dataset: [previewed, ...referenced],
    params: {slug: PREVIEW_SLUG},
  })
  const value: unknown = await result.get()
  return isRenderableArticle(value) ? value : undefined
}

/** The shape renderArticle reads; the query gives every article this shape. */
function isRenderableArticle(value: unknown): value is RenderableArticle {
  return (
    isRecord(value) &&
    typeof value['title'] === 'string' &&
    isRecord(value['byline']) &&
    Array.isArray(value['sections'])
  )
}
