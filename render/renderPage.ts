import {escapeHTML} from '@portabletext/to-html'

import {renderArticle, type RenderWarning} from './renderArticle'
import type {RenderableArticle} from './types'

const STYLE = `body{font:18px/1.6 Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:2.2rem;line-height:1.2}h2{margin-top:2rem}.standfirst{font-size:1.2rem}
.byline,time{font:14px/1.4 system-ui,sans-serif;color:#555;display:block}
.newsletter-signup{border:1px solid #ccc;border-radius:8px;padding:1rem 1.5rem;margin:2rem 0;font-family:system-ui,sans-serif}
.newsletter-signup h2{margin-top:0}.newsletter-signup input{padding:.4rem;margin:0 .5rem}`

// Progressive enhancement: without JavaScript the form posts; with it, the reader sees the
// pending and success messages the newsletter defines.
const SCRIPT = `for (const form of document.querySelectorAll('form.newsletter-signup')) {
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const show = (state) => form.querySelectorAll('[data-state]').forEach((p) => (p.hidden = p.dataset.state !== state))
    show('pending')
    setTimeout(() => show('success'), 600)
  })
}`

/**
 * A complete HTML page for an article, as a reader would see it: the article, minimal styles
 * and a small script for the signup form.
 *
 * @param article - an article from `articleBySlug`
 * @param warn - receives warnings about content that cannot be shown
 * @returns an HTML document
 */
export function renderPage(article: RenderableArticle, warn?: RenderWarning): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHTML(article.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${renderArticle(article, warn)}
<script>${SCRIPT}</script>
</body>
</html>
`
}
