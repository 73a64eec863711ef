import type {CorpusArticle, CorpusBlock} from './corpusArticle'

/**
 * A generated article as wire copy: optional front matter, blocks separated by blank lines,
 * lists as `- ` or `1. ` lines.
 *
 * @param article - the article
 * @returns the file's text
 */
export function corpusText(article: CorpusArticle): string {
  const head = article.titleInFrontMatter
    ? `---\ntitle: "${article.title}"\npublishedAt: ${article.publishedAt}\n---\n`
    : `${article.title}\n\n`
  return head + article.blocks.map(blockText).join('\n\n') + '\n'
}

function blockText(block: CorpusBlock): string {
  if (!('items' in block)) return block.text
  if (block.kind === 'bullet') return block.items.map((item) => `- ${item}`).join('\n')
  return block.items.map((item, i) => `${i + 1}. ${item}`).join('\n')
}
