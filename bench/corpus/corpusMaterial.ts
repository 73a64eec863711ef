import type {CorpusMaterial} from './corpusArticle'

const HEADINGS: [string, ...string[]] = [
  'Reactions Abroad',
  'What Comes Next',
  'A Long Road',
  'Markets React',
]

/**
 * Sentences and subheadings to build a corpus from: the seed articles' paragraphs split into
 * sentences, and their subheadings.
 *
 * @param seeds - the seed articles' texts
 * @returns the material
 */
export function corpusMaterial(seeds: readonly string[]): CorpusMaterial {
  const blocks = seeds.flatMap((text) => text.split(/\n\s*\n/).map((block) => block.trim()))
  const isParagraph = (block: string | undefined) => (block?.length ?? 0) >= 120
  const paragraphs = blocks.filter(isParagraph)
  const sentences = paragraphs.flatMap((text) => text.match(/[^.!?]+[.!?]+[”"]?(\s|$)/g) ?? [])
  // A subheading is a short unpunctuated line that a paragraph follows.
  const headings = blocks.filter(
    (block, i) => block.length < 60 && !/[.!?,:…]$/.test(block) && isParagraph(blocks[i + 1]),
  )
  const [first, ...rest] = sentences.map((sentence) => sentence.trim())
  if (!first) throw new Error('corpusMaterial(): the seeds have no sentences to build from')
  return {sentences: [first, ...rest], headings: [...HEADINGS, ...headings]}
}
