import type {SanityDocument} from '@sanity/types'

import {type DocumentValidation, knownDocuments, type Validator} from '../protocol'
import type {PureRule} from './checkRule'
import {DatasetIndex} from './DatasetIndex'
import {confirmPrescreen, type Prescreen} from './prescreen'
import {screenDocument} from './screenDocument'
import type {StudioRules} from './studioRules'

/** What {@link createScreenedValidator} is built from. */
export interface ScreenedValidatorOptions {
  /** The Studio schema's rules, from `loadStudioRules`. */
  rules: StudioRules
  /** Custom rules and `isUnique` functions that may be called directly, by identity. */
  pureRules: readonly PureRule[]
  /** Starts Sanity's own validation; called at most once, when a document first needs it. */
  startSanity: () => Promise<Validator>
}

/**
 * A document screened where it was made (see `prescreenDocument`), which the validator reads
 * whole only if its verdict must be reached again.
 */
export interface PrescreenedDocument {
  /**
   * What the dataset needs of the document, as it will be validated: its id, type and top-level
   * fields (a split article's head).
   */
  head: SanityDocument
  prescreen: Prescreen
  /** The whole document, as it will be validated. */
  whole: () => SanityDocument
}

/** A validator that also takes documents screened where they were made. */
export interface ScreenedValidator extends Validator {
  /**
   * {@inheritDoc Validator.validate}
   *
   * @param prescreened - documents screened where they were made: one whose prescreen the
   *   dataset confirms gets its verdict, without being read whole unless Sanity must see it
   * @returns the results for `documents`, then those for `prescreened`
   */
  validate: (
    documents: SanityDocument[],
    dataset?: SanityDocument[],
    prescreened?: readonly PrescreenedDocument[],
  ) => Promise<DocumentValidation[]>
  /** How many documents it passed itself and how many it sent to Sanity, so far. */
  counts: () => ScreeningCounts
}

/** How many documents a screened validator passed itself and how many it sent to Sanity. */
export interface ScreeningCounts {
  passed: number
  sentToSanity: number
}

/**
 * A validator whose verdicts are Sanity's, at a fraction of the cost: each document is first
 * checked against the schema's rules without Sanity. One with no marker at any level gets no
 * issues; every other document (a problem, a warning, a rule only Sanity can evaluate) is
 * validated by Sanity, so every marker a user reads is Sanity's own. Sanity starts only when
 * some document needs it. A prescreened document the dataset confirms counts as screened; one it
 * does not is read whole and screened again.
 *
 * @param options - the rules, the pure custom rules, and how to start Sanity
 * @returns the validator, with its counts so far
 */
export function createScreenedValidator(options: ScreenedValidatorOptions): ScreenedValidator {
  const {rules, pureRules, startSanity} = options
  let sanity: Promise<Validator> | undefined
  const counts: ScreeningCounts = {passed: 0, sentToSanity: 0}

  const validate: ScreenedValidator['validate'] = async (
    documents,
    stored = [],
    prescreened = [],
  ) => {
    const heads = prescreened.map(({head}) => head)
    const dataset = new DatasetIndex(knownDocuments([...documents, ...heads], stored).values())
    const screen = {rules, pureRules, dataset}
    // Each document as it is reported (a prescreened one by its head), read whole at most once:
    // a prescreened one only when its prescreen does not hold, or when Sanity must see it.
    const screened = [
      ...documents.map((document) => ({
        head: document,
        whole: () => document,
        verdict: screenDocument(document, screen),
      })),
      ...prescreened.map(({head, prescreen, whole}) => {
        const read = once(whole)
        const verdict = confirmPrescreen(prescreen, dataset) ?? screenDocument(read(), screen)
        return {head, whole: read, verdict}
      }),
    ]
    const results = screened.map(({head}): DocumentValidation => ({
      documentId: head._id,
      documentType: head._type,
      issues: [],
    }))
    const wholeAt = (index: number) => screened[index]?.whole() ?? []
    const passedAt = screened.flatMap(({verdict}, index) => (verdict === 'valid' ? [index] : []))
    const flaggedAt = screened.flatMap(({verdict}, index) => (verdict === 'valid' ? [] : [index]))
    counts.passed += passedAt.length
    counts.sentToSanity += flaggedAt.length
    if (flaggedAt.length === 0) return results
    sanity ??= startSanity()
    // The documents that passed go along as stored ones, so that references to them and slugs
    // they hold count as they would have had the whole batch gone to Sanity.
    const flagged = flaggedAt.flatMap(wholeAt)
    const passed = passedAt.flatMap(wholeAt)
    const fromSanity = await (await sanity).validate(flagged, [...stored, ...passed])
    for (const [position, result] of fromSanity.entries()) {
      const index = flaggedAt[position]
      if (index !== undefined) results[index] = result
    }
    return results
  }

  return {
    validate,
    close: async () => (sanity ? (await sanity).close() : undefined),
    counts: () => ({...counts}),
  }
}

/** The value `read` gives, read once. */
function once<T>(read: () => T): () => T {
  let value: {read: T} | undefined
  return () => (value ??= {read: read()}).read
}
