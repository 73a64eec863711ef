import type {CorpusArticle, CorpusBlock} from './corpusArticle'

/**
 * The same article as a CMS would export it as HTML: what an HTML → Portable Text converter
 * gets for the text {@link corpusText} gives.
 *
 * @param article - the article
 * @returns an HTML fragment
 */
export function corpusHtml(article: CorpusArticle): string {
  return `<h1>${escapeHtml(article.title)}</h1>\n${article.blocks.map(blockHtml).join('\n')}\n`
}

function blockHtml(block: CorpusBlock): string {
  if ('items' in block) {
    const tag = block.kind === 'bullet' ? 'ul' : 'ol'
    const items = block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')
    return `<${tag}>${items}</${tag}>`
  }
  const tag = block.kind === 'heading' ? 'h2' : 'p'
  return `<${tag}>${escapeHtml(block.text)}</${tag}>`
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
