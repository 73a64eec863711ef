import {blankLineExtractor, markdownExtractor, newsroomExtractor} from './extractors'
import {readRealCopy} from './realCopy'
import {type FidelityScores, fidelityScores, scoreArticle, sumCounts} from './scoreFidelity'

/** One tool's figures on the real-copy corpus, in percent. */
export interface FidelityRow {
  tool: string
  articles: number
  publishers: number
  languages: number
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
 * Reads the real-copy corpus with this importer, `@portabletext/markdown` and a blank-line split,
 * and scores each against the structure the publishers' pages show.
 *
 * @param log - where progress goes
 * @returns a row per tool
 */
export async function benchFidelity(log: (line: string) => void): Promise<FidelityRow[]> {
  const corpus = await readRealCopy()
  const publishers = new Set(corpus.map(({expected}) => expected.publisher)).size
  const languages = new Set(corpus.map(({expected}) => expected.language)).size
  log(`fidelity: ${corpus.length} articles, ${publishers} publishers, ${languages} languages`)
  return [newsroomExtractor, markdownExtractor, blankLineExtractor].map((extractor) => {
    const counts = corpus.map((article) =>
      scoreArticle(
        article.text,
        article.expected,
        extractor.extract(article.text, `${article.name}.txt`),
      ),
    )
    return {
      tool: extractor.name,
      articles: corpus.length,
      publishers,
      languages,
      ...percent(fidelityScores(sumCounts(counts))),
    }
  })
}

function percent(scores: FidelityScores): FidelityScores {
  const rounded = (share: number) => Math.round(share * 10000) / 100
  return {
    headlines: rounded(scores.headlines),
    paragraphRecall: rounded(scores.paragraphRecall),
    paragraphPrecision: rounded(scores.paragraphPrecision),
    headingsF1: rounded(scores.headingsF1),
    creditsFound: rounded(scores.creditsFound),
    creditsFalse: rounded(scores.creditsFalse),
    trailersFound: rounded(scores.trailersFound),
    trailersFalse: rounded(scores.trailersFalse),
    wordsKept: rounded(scores.wordsKept),
  }
}
