import {formatByline} from '../schemas/formatByline'
import type {RenderableArticle} from './types'

/**
 * The printed byline of an article from `articleBySlug`: `Florent Vergnes, with AFP`.
 *
 * @param byline - the article's resolved byline
 * @returns the credit line, empty when there is none
 */
export function bylineText(byline: RenderableArticle['byline']): string {
  return formatByline({
    authors: byline.authors.map((author) => author.name),
    agencies: byline.agencies,
  })
}
