import {toPlainText} from '@portabletext/toolkit'

import type {RenderableArticle} from './types'

/**
 * The reading text of an article: each section's heading and paragraphs, separated by blank
 * lines. Signup forms and other non-text blocks are left out.
 *
 * @param article - an article from `articleBySlug`
 * @returns plain text
 */
export function articlePlainText(article: Pick<RenderableArticle, 'sections'>): string {
  return article.sections
    .flatMap((section) => {
      const blocks = section.content.filter((block) => block._type === 'block')
      return [section.heading ?? '', toPlainText(blocks)]
    })
    .filter((part) => part.trim() !== '')
    .join('\n\n')
}
