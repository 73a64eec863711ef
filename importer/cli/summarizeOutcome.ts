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
  const {fileName, status, conversion, notes, errors} = outcome
  if (!conversion) return {file: fileName, status, notes, errors}
  const {article, persons, newsletter} = conversion.documents
  return {
    file: fileName,
    status,
    articleId: article._id,
    title: article.title,
    titleDerived: conversion.structured.title.derived,
    sections: article.sections.map((section) => section.heading ?? null),
    byline: formatByline({authors: persons.map((p) => p.name), agencies: article.byline.agencies}),
    ...(newsletter?.heading ? {newsletter: newsletter.heading} : {}),
    notes,
    errors,
  }
}
