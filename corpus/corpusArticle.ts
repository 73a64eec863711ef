import {readFileSync} from 'node:fs'

import {seededRandom} from '../lake/http/seededRandom'

/** One block of a generated article, before it is written out as text or HTML. */
export type CorpusBlock =
  | {kind: 'paragraph' | 'heading' | 'byline' | 'signup'; text: string}
  | {kind: 'bullet' | 'number'; items: string[]}

/** A generated article: its headline, its blocks and how the wire delivered it. */
export interface CorpusArticle {
  fileName: string
  title: string
  /** Whether the headline sits in front matter (else it is the first line of the text). */
  titleInFrontMatter: boolean
  publishedAt: string
  blocks: CorpusBlock[]
}

/** What articles are made of: sentences and subheadings taken from the seeds. */
export interface CorpusMaterial {
  sentences: [string, ...string[]]
  headings: [string, ...string[]]
}

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

/**
 * The material of the article this project was made for, `seeds/kursk-advance.txt`: what the
 * benchmarks and the load tests build their articles from.
 *
 * @returns the material
 */
export function seedMaterial(): CorpusMaterial {
  const seed = readFileSync(new URL('../seeds/kursk-advance.txt', import.meta.url), 'utf8')
  return corpusMaterial([seed])
}

const AUTHORS: [string, ...string[]] = [
  'Florent Vergnes',
  'Anna Smith',
  'Ben Jones',
  'Chloé Martin',
  'Jean de la Fontaine',
  'Ngozi Okafor',
  'Олена Петренко',
  'Mei Lin',
  'Sebastián Ortiz',
]
const AGENCIES: [string, ...string[]] = ['AFP', 'Reuters', 'AP', 'dpa', 'EFE', 'ANSA']
const SIGNUPS: [string[], ...string[][]] = [
  ['Subscribe to our newsletter', 'Newsletter signup', 'Please wait...', 'Thank you for sign up!'],
  [
    'Get the Morning Briefing in your inbox',
    'Sign up',
    'Submitting…',
    'Thanks! You’re subscribed.',
  ],
  ['Never miss a story: get our bulletin by email', 'Subscribe', 'Thank you for subscribing!'],
]

/**
 * Article `index` of a corpus: a deterministic mix of lengths, subheadings, lists, byline forms
 * and signup trailers, its sentences drawn from the seed articles.
 *
 * @param material - sentences and subheadings from the seeds
 * @param index - the article's position in the corpus, from 0
 * @returns the article
 */
export function corpusArticle(material: CorpusMaterial, index: number): CorpusArticle {
  const random = seededRandom(index + 1)
  const pick = <T>(items: readonly [T, ...T[]]): T =>
    items[Math.floor(random() * items.length)] ?? items[0]
  const paragraph = () =>
    Array.from({length: 1 + Math.floor(random() * 3)}, () => pick(material.sentences)).join(' ')
  const blocks: CorpusBlock[] = []
  const sections = Math.floor(random() * 4)
  for (let section = 0; section <= sections; section++) {
    if (section > 0) blocks.push({kind: 'heading', text: pick(material.headings)})
    const length = 2 + Math.floor(random() * 5)
    for (let p = 0; p < length; p++) blocks.push({kind: 'paragraph', text: paragraph()})
    if (random() < 0.12) {
      const items = Array.from({length: 2 + Math.floor(random() * 3)}, () =>
        pick(material.sentences),
      )
      blocks.push({kind: random() < 0.5 ? 'bullet' : 'number', items})
    }
  }
  blocks.push({kind: 'byline', text: byline(random, pick)})
  if (random() < 0.4) for (const text of pick(SIGNUPS)) blocks.push({kind: 'signup', text})
  const day = 1 + (index % 28)
  return {
    fileName: `wire-${String(index + 1).padStart(6, '0')}.txt`,
    title: `${pick(material.headings)}: report ${index + 1}`,
    titleInFrontMatter: random() < 0.7,
    publishedAt: `2024-0${1 + (index % 9)}-${String(day).padStart(2, '0')}T08:00:00Z`,
    blocks,
  }
}

function byline(random: () => number, pick: <T>(items: readonly [T, ...T[]]) => T): string {
  const author = pick(AUTHORS)
  const form = Math.floor(random() * 6)
  if (form === 0) return `${author}, with ${pick(AGENCIES)}`
  if (form === 1) return `By ${author}`
  if (form === 2) {
    const [first = author, ...rest] = AUTHORS.filter((name) => name !== author)
    return `${author} and ${pick([first, ...rest])}`
  }
  if (form === 3) return `${author} (${pick(AGENCIES)})`
  if (form === 4) return pick(AGENCIES)
  return author
}
