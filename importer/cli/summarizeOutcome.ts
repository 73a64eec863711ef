import {formatByline} from '../../schemas/formatByline'
import type {FileOutcome} from '../run/runImport'

/** The facts the report gives for one file, also the shape of each `--json` entry. */
export interface OutcomeSummary {
  file: string
  status: FileOutcome['status']
  articleId?: string
  title?: string
  titleDerived?: boolean
  sections?: (string | null)[]
  byline?: string
  newsletter?: string
  /** Why the article is a draft for review: the rules it fails, in the Studio's words. */
  review?: string[]
  notes: string[]
  errors: string[]
}

/**
 * Summarises what happened to one file for the report.
 *
 * @param outcome - the file's outcome
 * @returns its report entry
 */
export function summarizeOutcome(outcome: FileOutcome): OutcomeSummary {
  const {fileName, status, article, review, notes, errors} = outcome
  if (!article || status === 'failed') return {file: fileName, status, notes, errors}
  return {
    file: fileName,
    status,
    articleId: article.id,
    title: article.title,
    titleDerived: article.titleDerived,
    sections: article.sections,
    byline: formatByline({authors: article.authors, agencies: article.agencies}),
    ...(article.newsletter ? {newsletter: article.newsletter} : {}),
    ...(review.length > 0 ? {review} : {}),
    notes,
    errors,
  }
}
