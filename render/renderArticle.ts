import {
  escapeHTML,
  type PortableTextHtmlComponents,
  toHTML,
  uriLooksSafe,
} from '@portabletext/to-html'

import {isAllowedHref} from '../schemas/constants'
import {bylineText} from './bylineText'
import {renderSignup} from './renderSignup'
import type {RenderableArticle, RenderableSignup} from './types'

/** Where warnings about content the renderer cannot show go (once per kind). */
export type RenderWarning = (message: string) => void

/**
 * Renders an article as semantic HTML: `<article>` with a header (headline, standfirst,
 * byline, date), then a `<section id="<anchor>">` with an `<h2>` per headed section. Text and
 * attributes are escaped; links keep only http, https and mailto addresses, and external ones
 * get `rel="noopener"`; newsletter blocks become signup forms; a block type the renderer does
 * not know renders nothing, with one warning per type.
 *
 * @param article - an article from `articleBySlug`
 * @param warn - receives a warning the first time each unknown type is met
 * @returns the `<article>` element's HTML
 */
export function renderArticle(
  article: RenderableArticle,
  warn: RenderWarning = console.warn,
): string {
  const warned = new Set<string>()
  const components: Partial<PortableTextHtmlComponents> = {
    types: {
      newsletterBlock: ({value}) => (isSignup(value) ? renderSignup(value) : ''),
    },
    // Unknown types render nothing (to-html's default leaves a hidden message in the page).
    unknownType: () => '',
    marks: {
      link: ({children, value}) => {
        const href: unknown = value?.href
        if (typeof href !== 'string' || !isAllowedHref(href) || !uriLooksSafe(href)) {
          return children
        }
        const rel = /^https?:/i.test(href) ? ' rel="noopener"' : ''
        return `<a href="${escapeHTML(href)}"${rel}>${children}</a>`
      },
    },
  }
  const onMissingComponent = (message: string, {type}: {type: string}) => {
    if (warned.has(type)) return
    warned.add(type)
    warn(`renderArticle(): ${message}`)
  }
  const sections = article.sections.map((section) => {
    const id = section.anchor ? ` id="${escapeHTML(section.anchor)}"` : ''
    const heading = section.heading ? `<h2>${escapeHTML(section.heading)}</h2>` : ''
    return `<section${id}>${heading}${toHTML(section.content, {components, onMissingComponent})}</section>`
  })
  return `<article>${renderHeader(article)}${sections.join('')}</article>`
}

function renderHeader(article: RenderableArticle): string {
  const standfirst = article.standfirst
    ? `<p class="standfirst">${escapeHTML(article.standfirst)}</p>`
    : ''
  const byline = bylineText(article.byline)
  const credit = byline ? `<p class="byline">By ${escapeHTML(byline)}</p>` : ''
  const date = article.publishedAt
    ? `<time datetime="${escapeHTML(article.publishedAt)}">${escapeHTML(article.publishedAt.slice(0, 10))}</time>`
    : ''
  return `<header><h1>${escapeHTML(article.title)}</h1>${standfirst}${credit}${date}</header>`
}

/**
 * A signup block as `articleBySlug` resolves it (to-html has checked its `_type`). One whose
 * newsletter is gone, its reference dangling, comes back with `newsletter: null` and renders
 * nothing.
 */
function isSignup(value: unknown): value is RenderableSignup {
  return (
    typeof value === 'object' &&
    value !== null &&
    'newsletter' in value &&
    typeof value.newsletter === 'object' &&
    value.newsletter !== null &&
    '_id' in value.newsletter &&
    typeof value.newsletter._id === 'string' &&
    'heading' in value &&
    typeof value.heading === 'string'
  )
}
