import {
  type CorpusArticle,
  corpusArticle,
  type CorpusBlock,
  type CorpusMaterial,
  seedMaterial,
} from './corpusArticle'

/** One corpus article as wire text and as equivalent HTML. */
export interface CorpusFile {
  fileName: string
  text: string
  html: string
}

/**
 * A deterministic corpus of `count` articles, produced one at a time so that a 100,000-article
 * corpus never sits in memory: the same count gives the same files on every machine. The
 * benchmarks and the tests that need many articles both take theirs from here.
 *
 * @param count - how many articles
 * @param material - sentences and subheadings to build from; the seed article's by default
 * @returns the articles, lazily
 */
export function* generateCorpus(
  count: number,
  material: CorpusMaterial = seedMaterial(),
): Generator<CorpusFile> {
  for (let index = 0; index < count; index++) {
    const article = corpusArticle(material, index)
    yield {fileName: article.fileName, text: corpusText(article), html: corpusHtml(article)}
  }
}

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
