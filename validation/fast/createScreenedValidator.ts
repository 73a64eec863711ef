import type {SanityDocument} from '@sanity/types'

import {type DocumentValidation, knownDocuments, type Validator} from '../protocol'
import type {PureRule} from './checkRule'
import {DatasetIndex} from './DatasetIndex'
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
 * some document needs it.
 *
 * @param options - the rules, the pure custom rules, and how to start Sanity
 * @returns the validator, with its counts so far
 */
export function createScreenedValidator(
  options: ScreenedValidatorOptions,
): Validator & {counts: () => ScreeningCounts} {
  const {rules, pureRules, startSanity} = options
  let sanity: Promise<Validator> | undefined
  const counts: ScreeningCounts = {passed: 0, sentToSanity: 0}

  const validate = async (
    documents: SanityDocument[],
    stored: SanityDocument[] = [],
  ): Promise<DocumentValidation[]> => {
    const dataset = new DatasetIndex(knownDocuments(documents, stored).values())
    const screen = {rules, pureRules, dataset}
    const results = documents.map((document): DocumentValidation => ({
      documentId: document._id,
      documentType: document._type,
      issues: [],
    }))
    const valid = documents.map((document) => screenDocument(document, screen) === 'valid')
    const passed = documents.filter((_, index) => valid[index])
    const flaggedAt = valid.flatMap((isValid, index) => (isValid ? [] : [index]))
    counts.passed += passed.length
    counts.sentToSanity += flaggedAt.length
    if (flaggedAt.length === 0) return results
    sanity ??= startSanity()
    // The documents that passed go along as stored ones, so that references to them and slugs
    // they hold count as they would have had the whole batch gone to Sanity.
    const flagged = flaggedAt.flatMap((index) => documents[index] ?? [])
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
