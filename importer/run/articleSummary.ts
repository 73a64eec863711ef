import type {ConvertedArticle} from '../convert/convertSource'
import {ARTICLE_BODY, isSplitArticle} from '../documents/articleBody'

/** What the report says of an imported article; kept instead of its documents. */
export interface ArticleSummary {
  /** The article's published id (a draft import writes `drafts.<id>`). */
  id: string
  title: string
  /** Whether the headline was derived from the lead rather than given. */
  titleDerived: boolean
  /** Each section's heading; null for the lead. */
  sections: (string | null)[]
  authors: string[]
  agencies: string[]
  /** The signup's newsletter heading, when the article has one. */
  newsletter?: string
}

/**
 * The few facts about a conversion the report needs, so a run over a whole archive keeps a
 * line's worth per file instead of every document.
 *
 * @param conversion - a converted file
 * @returns its summary
 */
export function articleSummary({documents, structured}: ConvertedArticle): ArticleSummary {
  const {article, persons, newsletter} = documents
  return {
    id: article._id,
    title: article.title,
    titleDerived: structured.title.derived,
    sections: isSplitArticle(article)
      ? article[ARTICLE_BODY].headings
      : article.sections.map((section) => section.heading ?? null),
    authors: persons.map((person) => person.name),
    agencies: article.byline.agencies ?? [],
    ...(newsletter?.heading ? {newsletter: newsletter.heading} : {}),
  }
}
