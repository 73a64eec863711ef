import type {SanityDocument} from 'sanity'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'

import {generateCorpus} from '../corpus/generateCorpus'
import {convertSource} from '../importer/convert/convertSource'
import {articleWrite, planDocuments} from '../importer/plan/planImport'
import {ImportError} from '../importer/shared/ImportError'
import {PURE_RULES} from '../schemas/rules'
import {schemaTypes} from '../schemas/schemaTypes'
import {createValidator, type Validator} from '../validation'
import type {Verdict} from '../validation/fast/checkRule'
import {DatasetIndex} from '../validation/fast/DatasetIndex'
import {screenDocument} from '../validation/fast/screenDocument'
import {loadStudioRules} from '../validation/fast/studioRules'
import {knownDocuments} from '../validation/protocol'
import {bytesOf, importFixtures} from './fixtures/import'
import {BASE_DATASET, validationCases} from './fixtures/validationCases'

/*
 * The fast path's verdict against Sanity's own validation (the Studio workspace in its worker):
 * whenever the fast path answers, valid must mean Sanity raises no marker at all, and problem
 * must mean it raises at least one.
 */

const IMPORTED_AT = '2026-12-01T10:00:00.000Z'
const rules = loadStudioRules(schemaTypes)

let sanity: Validator
beforeAll(async () => {
  sanity = await createValidator()
})
afterAll(() => sanity.close())

interface Compared {
  document: SanityDocument
  fast: Verdict
  sanityValid: boolean
}

/** Both verdicts for each document, checked against the same stored documents. */
async function compare(documents: SanityDocument[], stored: SanityDocument[]): Promise<Compared[]> {
  const results = await sanity.validate(documents, stored)
  const known = knownDocuments(documents, stored)
  const screen = {rules, pureRules: PURE_RULES, dataset: new DatasetIndex(known.values())}
  return documents.map((document, index) => ({
    document,
    fast: screenDocument(document, screen),
    sanityValid: results[index]?.issues.length === 0,
  }))
}

function disagreements(compared: Compared[]) {
  return compared
    .filter(({fast, sanityValid}) => fast !== 'unknown' && (fast === 'valid') !== sanityValid)
    .map(({document, fast}) => ({fast, document}))
}

/** What `decideFiles` validates for a batch of converted files: new people, newsletters, articles. */
function toValidate(files: {fileName: string; bytes: Uint8Array}[]): SanityDocument[] {
  const writes = files.flatMap(({fileName, bytes}) => {
    try {
      const {documents} = convertSource(bytes, {
        fileName,
        importedAt: IMPORTED_AT,
        importerVersion: '1.0.0',
      })
      return [articleWrite(documents, new Map(), false)]
    } catch (error) {
      if (error instanceof ImportError) return []
      throw error
    }
  })
  return planDocuments(writes).map((document) => ({
    ...document,
    _createdAt: IMPORTED_AT,
    _updatedAt: IMPORTED_AT,
    _rev: '',
  }))
}

describe('screenDocument against Sanity', () => {
  test("screenDocument: every import fixture gets Sanity's verdict, and none is left to Sanity", async () => {
    const documents = toValidate(fixtureFiles())
    const compared = await compare(documents, [])
    expect(documents.length).toBeGreaterThan(140)
    expect(disagreements(compared)).toEqual([])
    expect(
      compared.filter(({fast}) => fast === 'unknown').map(({document}) => document._id),
    ).toEqual([])
    // Some fixtures do break a rule (a headline over 110 characters is a warning).
    expect(compared.some(({fast}) => fast === 'problem')).toBe(true)
  })

  test('screenDocument: the fixtures against a dataset holding their slugs and a draft-only person', async () => {
    const documents = toValidate(fixtureFiles())
    const stored: SanityDocument[] = documents.flatMap((document) =>
      document._type === 'article' && isSlugged(document)
        ? [{...document, _id: `article-elsewhere-${document._id}`}]
        : document._type === 'person'
          ? [{...document, _id: `drafts.${document._id}`}]
          : [],
    )
    const articles = documents.filter((document) => document._type === 'article')
    const compared = await compare(articles, stored)
    expect(disagreements(compared)).toEqual([])
    expect(compared.filter(({fast}) => fast === 'unknown')).toEqual([])
    // Every slug is taken and every author exists only as a draft: nothing passes.
    expect(compared.filter(({sanityValid}) => sanityValid)).toEqual([])
  })

  test("screenDocument: 400 corpus articles get Sanity's verdict, and none is left to Sanity", async () => {
    const files = [...generateCorpus(400)].map(({fileName, text}) => ({
      fileName,
      bytes: new TextEncoder().encode(text),
    }))
    const compared = await compare(toValidate(files), [])
    expect(compared.length).toBeGreaterThan(400)
    expect(disagreements(compared)).toEqual([])
    expect(compared.filter(({fast}) => fast === 'unknown')).toEqual([])
    expect(compared.filter(({fast}) => fast === 'valid').length).toBeGreaterThan(300)
  }, 120_000)

  test("screenDocument: 10,000 generated documents, valid and broken in each rule, get Sanity's verdict", async () => {
    const cases = validationCases(10_000)
    const byCategory = new Map<string, {valid: number; invalid: number}>()
    const compared: Compared[] = []
    for (let start = 0; start < cases.length; start += 500) {
      const batch = cases.slice(start, start + 500)
      const stored = [...BASE_DATASET, ...batch.flatMap((each) => each.stored)]
      const results = await compare(
        batch.map((each) => each.document),
        stored,
      )
      compared.push(...results)
      for (const [index, result] of results.entries()) {
        for (const category of batch[index]?.categories ?? ['none']) {
          const counts = byCategory.get(category) ?? {valid: 0, invalid: 0}
          if (result.sanityValid) counts.valid++
          else counts.invalid++
          byCategory.set(category, counts)
        }
      }
    }
    expect(disagreements(compared)).toEqual([])
    // The fast path answers for nearly all of them, so the comparison is not empty.
    const unknown = compared.filter(({fast}) => fast === 'unknown').length
    expect(unknown / compared.length).toBeLessThan(0.1)
    expect(compared.filter(({fast}) => fast === 'valid').length).toBeGreaterThan(2_000)
    expect(compared.filter(({fast}) => fast === 'problem').length).toBeGreaterThan(2_000)
    // Every category was seen broken, and all but the always-broken ones were seen passing too.
    const alwaysBroken = new Set(['sections', 'section content'])
    for (const [category, {valid, invalid}] of byCategory) {
      expect({category, invalid: invalid > 0}).toEqual({category, invalid: true})
      if (!alwaysBroken.has(category))
        expect({category, valid: valid > 0}).toEqual({category, valid: true})
    }
    expect(byCategory.size).toBe(24)
  }, 600_000)
})

/** Every import fixture as a file of its own (several share a file name). */
function fixtureFiles() {
  return importFixtures.map((fixture, index) => ({
    fileName: `${index}-${fixture.fileName}`,
    bytes: bytesOf(fixture),
  }))
}

function isSlugged(document: SanityDocument): boolean {
  const {slug} = document
  return typeof slug === 'object' && slug !== null && 'current' in slug
}
