import {agencyKey} from '../../importer/structure/newsAgencies'
import type {Extraction} from './extractors'
import type {ExpectedStructure} from './realCopy'

/** What one tool got right and wrong over a corpus, counted so sums make the corpus's figures. */
export interface FidelityCounts {
  articles: number
  titles: {expected: number; found: number}
  paragraphs: {expected: number; extracted: number; matched: number}
  headings: {expected: number; extracted: number; matched: number}
  credits: {expected: number; extracted: number; matched: number}
  trailer: {expected: number; extracted: number; matched: number}
  words: {source: number; kept: number}
}

/** The corpus's figures: shares from 0 to 1. */
export interface FidelityScores {
  headlines: number
  paragraphRecall: number
  paragraphPrecision: number
  headingsF1: number
  creditsFound: number
  creditsFalse: number
  trailersFound: number
  trailersFalse: number
  wordsKept: number
}

/**
 * Compares what a tool extracted from one article with the article's annotated structure.
 * Texts are compared whitespace-normalised; names case-insensitively and without a leading
 * "The"; each expected item matches at most one extracted item.
 *
 * @param source - the article's text as the tool read it
 * @param expected - the annotation
 * @param extraction - what the tool found
 * @returns the counts for this article
 */
export function scoreArticle(
  source: string,
  expected: ExpectedStructure,
  extraction: Extraction,
): FidelityCounts {
  return {
    articles: 1,
    titles: {expected: 1, found: normal(expected.title) === normal(extraction.title) ? 1 : 0},
    paragraphs: overlap(expected.paragraphs, extraction.paragraphs, normal),
    headings: overlap(expected.headings, extraction.headings, normal),
    credits: overlap([...expected.authors, ...expected.agencies], extraction.credits, name),
    trailer: overlap(expected.trailer, extraction.trailer, normal),
    words: wordsKept(source, extraction.kept),
  }
}

/**
 * Adds up per-article counts.
 *
 * @param counts - one per article
 * @returns the corpus's counts
 */
export function sumCounts(counts: readonly FidelityCounts[]): FidelityCounts {
  const total = emptyCounts()
  for (const each of counts) {
    total.articles += each.articles
    total.titles.expected += each.titles.expected
    total.titles.found += each.titles.found
    for (const key of ['paragraphs', 'headings', 'credits', 'trailer'] as const) {
      total[key].expected += each[key].expected
      total[key].extracted += each[key].extracted
      total[key].matched += each[key].matched
    }
    total.words.source += each.words.source
    total.words.kept += each.words.kept
  }
  return total
}

/**
 * The corpus's figures from its counts. A share of nothing (no headings expected and none
 * found, say) is 1: nothing was missed or made up.
 *
 * @param counts - summed counts
 * @returns the scores
 */
export function fidelityScores(counts: FidelityCounts): FidelityScores {
  const {paragraphs, headings, credits, trailer} = counts
  const headingPrecision = share(headings.matched, headings.extracted)
  const headingRecall = share(headings.matched, headings.expected)
  return {
    headlines: share(counts.titles.found, counts.titles.expected),
    paragraphRecall: share(paragraphs.matched, paragraphs.expected),
    paragraphPrecision: share(paragraphs.matched, paragraphs.extracted),
    headingsF1:
      headingPrecision + headingRecall === 0
        ? 0
        : (2 * headingPrecision * headingRecall) / (headingPrecision + headingRecall),
    creditsFound: share(credits.matched, credits.expected),
    creditsFalse: 1 - share(credits.matched, credits.extracted),
    trailersFound: share(trailer.matched, trailer.expected),
    trailersFalse: 1 - share(trailer.matched, trailer.extracted),
    wordsKept: share(counts.words.kept, counts.words.source),
  }
}

function emptyCounts(): FidelityCounts {
  const zero = () => ({expected: 0, extracted: 0, matched: 0})
  return {
    articles: 0,
    titles: {expected: 0, found: 0},
    paragraphs: zero(),
    headings: zero(),
    credits: zero(),
    trailer: zero(),
    words: {source: 0, kept: 0},
  }
}

function overlap(
  expected: readonly string[],
  extracted: readonly string[],
  key: (text: string) => string,
): {expected: number; extracted: number; matched: number} {
  const left = new Map<string, number>()
  for (const item of expected) left.set(key(item), (left.get(key(item)) ?? 0) + 1)
  let matched = 0
  for (const item of extracted) {
    const remaining = left.get(key(item)) ?? 0
    if (remaining === 0) continue
    left.set(key(item), remaining - 1)
    matched++
  }
  return {expected: expected.length, extracted: extracted.length, matched}
}

/** Source words found among the kept text's words, each kept word counted once. */
function wordsKept(source: string, kept: readonly string[]): {source: number; kept: number} {
  const available = new Map<string, number>()
  for (const word of words(kept.join(' '))) available.set(word, (available.get(word) ?? 0) + 1)
  let found = 0
  const all = words(source)
  for (const word of all) {
    const remaining = available.get(word) ?? 0
    if (remaining === 0) continue
    available.set(word, remaining - 1)
    found++
  }
  return {source: all.length, kept: found}
}

/** Words are tokens with a letter or digit: a list's `-` marks the text up, it says nothing. */
function words(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/\s+/u)
    .filter((token) => /[\p{L}\p{N}]/u.test(token))
}

function normal(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim()
}

/** Names compare case-insensitively; an agency's names (`AP`, `Associated Press`) are one. */
function name(text: string): string {
  return agencyKey(normal(text))
}

function share(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole
}
