import {corpusArticle} from './corpusArticle'
import {corpusHtml} from './corpusHtml'
import type {CorpusMaterial} from './corpusArticle'
import {corpusText} from './corpusText'

/** One corpus article as wire text and as equivalent HTML. */
export interface CorpusFile {
  fileName: string
  text: string
  html: string
}

/**
 * A deterministic corpus of `count` articles, produced one at a time so that a 100,000-article
 * corpus never sits in memory: the same count gives the same files on every machine.
 *
 * @param material - sentences and subheadings from the seeds ({@link corpusMaterial})
 * @param count - how many articles
 * @returns the articles, lazily
 */
export function* generateCorpus(material: CorpusMaterial, count: number): Generator<CorpusFile> {
  for (let index = 0; index < count; index++) {
    const article = corpusArticle(material, index)
    yield {fileName: article.fileName, text: corpusText(article), html: corpusHtml(article)}
  }
}
