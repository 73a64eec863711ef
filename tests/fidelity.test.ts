import {beforeAll, describe, expect, test} from 'vitest'

import {
  blankLineExtractor,
  type Extractor,
  markdownExtractor,
  newsroomExtractor,
} from '../bench/fidelity/extractors'
import {readRealCopy, type RealArticle} from '../bench/fidelity/realCopy'
import {
  type FidelityScores,
  fidelityScores,
  scoreArticle,
  sumCounts,
} from '../bench/fidelity/scoreFidelity'

let corpus: RealArticle[] = []

beforeAll(async () => {
  corpus = await readRealCopy()
})

function scores(extractor: Extractor): FidelityScores {
  return fidelityScores(
    sumCounts(
      corpus.map((article) =>
        scoreArticle(
          article.text,
          article.expected,
          extractor.extract(article.text, `${article.name}.txt`),
        ),
      ),
    ),
  )
}

describe('fidelity on real copy', () => {
  test('readRealCopy: at least 60 articles from 15 publishers in 4 languages', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60)
    expect(new Set(corpus.map(({expected}) => expected.publisher)).size).toBeGreaterThanOrEqual(15)
    expect(new Set(corpus.map(({expected}) => expected.language)).size).toBeGreaterThanOrEqual(4)
  })

  test('convertSource: structure read from real copy holds its measured floor', () => {
    const newsroom = scores(newsroomExtractor)
    expect(newsroom.headlines).toBe(1)
    expect(newsroom.paragraphRecall).toBeGreaterThanOrEqual(0.995)
    expect(newsroom.paragraphPrecision).toBeGreaterThanOrEqual(0.99)
    expect(newsroom.headingsF1).toBeGreaterThanOrEqual(0.925)
    expect(newsroom.creditsFound).toBeGreaterThanOrEqual(0.97)
    expect(newsroom.creditsFalse).toBe(0)
    expect(newsroom.trailersFound).toBe(1)
    expect(newsroom.trailersFalse).toBe(0)
    expect(newsroom.wordsKept).toBe(1)
  })

  test('convertSource: reads headings and credits that a Markdown parse and a blank-line split miss', () => {
    const newsroom = scores(newsroomExtractor)
    for (const other of [markdownExtractor, blankLineExtractor].map(scores)) {
      expect(other.headingsF1).toBeLessThan(0.1)
      expect(other.creditsFound).toBe(0)
      expect(newsroom.paragraphPrecision).toBeGreaterThan(other.paragraphPrecision)
    }
  })
})
