import type {SanityDocument} from 'sanity'
import {describe, expect, test} from 'vitest'

import {PURE_RULES} from '../schemas/rules'
import {schemaTypes} from '../schemas/schemaTypes'
import type {Verdict} from '../validation/fast/checkRule'
import {DatasetIndex} from '../validation/fast/DatasetIndex'
import {confirmPrescreen, isPrescreen, prescreenDocument} from '../validation/fast/prescreen'
import {screenDocument} from '../validation/fast/screenDocument'
import {loadStudioRules} from '../validation/fast/studioRules'
import {knownDocuments} from '../validation/protocol'
import {florent, newsletter, validArticle} from './fixtures/contentModel'
import {BASE_DATASET, validationCases} from './fixtures/validationCases'

const screen = {rules: loadStudioRules(schemaTypes), pureRules: PURE_RULES}

/** The dataset a batch is validated against: the stored documents with the batch. */
function datasetOf(documents: SanityDocument[], stored: SanityDocument[]): DatasetIndex {
  return new DatasetIndex(knownDocuments(documents, stored).values())
}

describe('prescreenDocument', () => {
  test("prescreenDocument: once confirmed, its verdict is screenDocument's, for 10,000 generated documents", () => {
    const cases = validationCases(10_000)
    const tally = {confirmed: new Map<Verdict, number>(), screenedAgain: 0}
    const disagreements: {id: string; prescreened: Verdict; screened: Verdict}[] = []
    for (let start = 0; start < cases.length; start += 500) {
      const batch = cases.slice(start, start + 500)
      const documents = batch.map((each) => each.document)
      const dataset = datasetOf(documents, [...BASE_DATASET, ...batch.flatMap((c) => c.stored)])
      for (const document of documents) {
        const confirmed = confirmPrescreen(prescreenDocument(document, screen), dataset)
        if (confirmed === undefined) {
          tally.screenedAgain++
          continue
        }
        tally.confirmed.set(confirmed, (tally.confirmed.get(confirmed) ?? 0) + 1)
        const screened = screenDocument(document, {...screen, dataset})
        if (screened !== confirmed)
          disagreements.push({id: document._id, prescreened: confirmed, screened})
      }
    }
    expect(disagreements).toEqual([])
    // Most answer at once, both ways; dangling references and taken slugs are screened again.
    expect(tally.confirmed.get('valid')).toBeGreaterThan(2_000)
    expect(tally.confirmed.get('problem')).toBeGreaterThan(2_000)
    expect(tally.screenedAgain).toBeGreaterThan(50)
    expect(tally.screenedAgain).toBeLessThan(2_000)
  })

  test('prescreenDocument: a valid article asks whether its author and newsletter exist and whether its slug is free', () => {
    const article = validArticle('article-1')
    const prescreen = prescreenDocument(article, screen)
    expect(prescreen.verdict).toBe('valid')
    expect(prescreen.asked).toEqual(
      expect.arrayContaining([
        {has: florent._id, answer: true},
        {has: newsletter._id, answer: true},
        {slugTaken: ['article', 'slug', 'article-1', 'article-1'], answer: false},
      ]),
    )
    expect(confirmPrescreen(prescreen, datasetOf([article], [florent, newsletter]))).toBe('valid')
  })

  test('confirmPrescreen: an author the dataset lacks is not confirmed, and screenDocument finds the problem', () => {
    const article = validArticle('article-1')
    const dataset = datasetOf([article], [newsletter])
    expect(confirmPrescreen(prescreenDocument(article, screen), dataset)).toBeUndefined()
    expect(screenDocument(article, {...screen, dataset})).toBe('problem')
  })

  test('confirmPrescreen: a slug another article holds is not confirmed, and screenDocument finds the problem', () => {
    const article = validArticle('article-1')
    const holder = {...validArticle('article-2'), slug: {_type: 'slug', current: 'article-1'}}
    const dataset = datasetOf([article], [florent, newsletter, holder])
    expect(confirmPrescreen(prescreenDocument(article, screen), dataset)).toBeUndefined()
    expect(screenDocument(article, {...screen, dataset})).toBe('problem')
  })

  test('isPrescreen: a prescreen survives the trip between threads; anything else is refused', () => {
    const prescreen = prescreenDocument(validArticle(), screen)
    expect(isPrescreen(structuredClone(prescreen))).toBe(true)
    expect(isPrescreen({verdict: 'fine', asked: []})).toBe(false)
    expect(isPrescreen({verdict: 'valid', asked: [{has: 'person-1'}]})).toBe(false)
    expect(isPrescreen({verdict: 'valid', asked: [{slugTaken: ['article'], answer: false}]})).toBe(
      false,
    )
    expect(isPrescreen({verdict: 'problem'})).toBe(false)
  })
})
