import {mkdir, mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import type {Rule} from '@sanity/types'
import type {SanityDocument} from 'sanity'
import {describe, expect, test} from 'vitest'

import {generateCorpus} from '../corpus/generateCorpus'
import {importCommand} from '../importer'
import {PURE_RULES} from '../schemas/rules'
import {schemaTypes} from '../schemas/schemaTypes'
import {createValidator, type DocumentValidation, type Validator} from '../validation'
import {createFastValidator} from '../validation/fast/createFastValidator'
import {
  createScreenedValidator,
  type PrescreenedDocument,
} from '../validation/fast/createScreenedValidator'
import {prescreenDocument} from '../validation/fast/prescreen'
import {loadStudioRules} from '../validation/fast/studioRules'
import {florent, newsletter, validArticle, without} from './fixtures/contentModel'
import {bytesOf, importFixtures} from './fixtures/import'

const rules = loadStudioRules(schemaTypes)

/** Stands in for Sanity: records what it is asked and reports one issue per document. */
function fakeSanity() {
  const calls: {documents: string[]; stored: string[]}[] = []
  let started = 0
  let closed = 0
  const sanity: Validator = {
    validate: async (documents, stored = []) => {
      calls.push({documents: documents.map((d) => d._id), stored: stored.map((d) => d._id)})
      return documents.map((document): DocumentValidation => ({
        documentId: document._id,
        documentType: document._type,
        issues: [{level: 'error', message: 'from Sanity', path: [], field: ''}],
      }))
    },
    close: async () => {
      closed++
    },
  }
  return {
    calls,
    started: () => started,
    closed: () => closed,
    startSanity: async () => {
      started++
      return sanity
    },
  }
}

const broken = (id: string): SanityDocument => without(validArticle(id), 'title')

/**
 * A document screened where it was made, as the conversion worker sends it: its head without
 * sections, and the whole document behind a function that counts its calls.
 */
function prescreened(document: SanityDocument): PrescreenedDocument & {reads: () => number} {
  let reads = 0
  const {sections: _sections, ...head} = document
  return {
    head,
    prescreen: prescreenDocument(document, {rules, pureRules: PURE_RULES}),
    whole: () => {
      reads++
      return document
    },
    reads: () => reads,
  }
}

describe('createScreenedValidator', () => {
  test('createScreenedValidator: valid documents get no issues and Sanity never starts', async () => {
    const sanity = fakeSanity()
    const validator = createScreenedValidator({rules, pureRules: PURE_RULES, ...sanity})
    const results = await validator.validate([florent, newsletter, validArticle()])
    expect(results).toEqual([
      {documentId: florent._id, documentType: 'person', issues: []},
      {documentId: newsletter._id, documentType: 'newsletter', issues: []},
      {documentId: 'article-valid', documentType: 'article', issues: []},
    ])
    await validator.close()
    expect([sanity.started(), sanity.closed()]).toEqual([0, 0])
    expect(validator.counts()).toEqual({passed: 3, sentToSanity: 0})
  })

  test('createScreenedValidator: only flagged documents go to Sanity, with the rest as stored', async () => {
    const sanity = fakeSanity()
    const validator = createScreenedValidator({rules, pureRules: PURE_RULES, ...sanity})
    const results = await validator.validate(
      [florent, broken('article-1'), validArticle('article-2'), broken('article-3')],
      [newsletter],
    )
    expect(results.map((result) => [result.documentId, result.issues.length])).toEqual([
      [florent._id, 0],
      ['article-1', 1],
      ['article-2', 0],
      ['article-3', 1],
    ])
    expect(sanity.calls).toEqual([
      {
        documents: ['article-1', 'article-3'],
        stored: [newsletter._id, florent._id, 'article-2'],
      },
    ])
    expect(validator.counts()).toEqual({passed: 2, sentToSanity: 2})
  })

  test('createScreenedValidator: a prescreened article the dataset confirms is never read whole, and Sanity does not start', async () => {
    const sanity = fakeSanity()
    const validator = createScreenedValidator({rules, pureRules: PURE_RULES, ...sanity})
    const articles = [
      prescreened(validArticle('article-1')),
      prescreened(validArticle('article-2')),
    ]
    const results = await validator.validate([florent], [newsletter], articles)
    expect(results.map((result) => [result.documentId, result.issues.length])).toEqual([
      [florent._id, 0],
      ['article-1', 0],
      ['article-2', 0],
    ])
    expect(articles.map((article) => article.reads())).toEqual([0, 0])
    expect([sanity.started(), validator.counts()]).toEqual([0, {passed: 3, sentToSanity: 0}])
  })

  test('createScreenedValidator: a prescreened article whose author is missing is read whole, and Sanity sees every article whole', async () => {
    const sanity = fakeSanity()
    const validator = createScreenedValidator({rules, pureRules: PURE_RULES, ...sanity})
    // The first names an author the dataset lacks; the second fails a rule in its sections.
    const orphan = prescreened({
      ...validArticle('article-1'),
      byline: {
        _type: 'byline',
        agencies: [],
        authors: [{_type: 'reference', _key: 'a1', _ref: 'person-nobody'}],
      },
    })
    const headless = prescreened({...validArticle('article-2'), sections: []})
    const fine = prescreened(validArticle('article-3'))
    const results = await validator.validate([], [florent, newsletter], [orphan, headless, fine])
    expect(results.map((result) => [result.documentId, result.issues.length])).toEqual([
      ['article-1', 1],
      ['article-2', 1],
      ['article-3', 0],
    ])
    // Each is read once at most: to be screened again, then to go to Sanity.
    expect([orphan.reads(), headless.reads(), fine.reads()]).toEqual([1, 1, 1])
    expect(sanity.calls).toEqual([
      {
        documents: ['article-1', 'article-2'],
        stored: [florent._id, newsletter._id, 'article-3'],
      },
    ])
  })

  test('createScreenedValidator: Sanity starts once across batches and is closed once', async () => {
    const sanity = fakeSanity()
    const validator = createScreenedValidator({rules, pureRules: PURE_RULES, ...sanity})
    await Promise.all([
      validator.validate([broken('article-1'), florent]),
      validator.validate([broken('article-2'), florent]),
    ])
    await validator.validate([broken('article-3'), florent])
    await validator.close()
    expect([sanity.started(), sanity.calls.length, sanity.closed()]).toEqual([1, 3, 1])
  })

  test('createScreenedValidator: a type or rule the fast path does not know goes to Sanity', async () => {
    const novel = (value: unknown) => value !== 'forbidden' || 'Not that.'
    const types = [
      ...schemaTypes,
      {
        name: 'pressRelease',
        type: 'document',
        fields: [{name: 'body', type: 'string', validation: (rule: Rule) => rule.custom(novel)}],
      },
    ]
    const sanity = fakeSanity()
    const validator = createScreenedValidator({
      rules: loadStudioRules(types),
      pureRules: PURE_RULES,
      ...sanity,
    })
    const release = {...florent, _id: 'release-1', _type: 'pressRelease', body: 'allowed'}
    const podcast = {...florent, _id: 'podcast-1', _type: 'podcast'}
    const results = await validator.validate([release, podcast, florent])
    expect(sanity.calls.map((call) => call.documents)).toEqual([['release-1', 'podcast-1']])
    expect(results.map((result) => result.issues.length)).toEqual([1, 1, 0])
  })

  test('createScreenedValidator: a failure in Sanity fails the validation', async () => {
    const validator = createScreenedValidator({
      rules,
      pureRules: PURE_RULES,
      startSanity: () => Promise.reject(new Error('validation worker exited with code 1')),
    })
    await expect(validator.validate([florent])).resolves.toHaveLength(1)
    await expect(validator.validate([broken('article-1')])).rejects.toThrow(
      'validation worker exited with code 1',
    )
  })
})

describe('the import report', () => {
  /** Runs a dry-run import of a folder with a validator and returns its JSON report. */
  async function report(folder: string, validator: Validator): Promise<unknown> {
    const stdout: string[] = []
    const code = await importCommand(
      ['--dry-run', '--json', '--data', join(folder, 'data.ndjson'), join(folder, 'wire')],
      {
        stdout: (text) => stdout.push(...text.split('\n')),
        stderr: () => {},
        env: {SOURCE_DATE_EPOCH: '1723852800'},
        now: () => new Date('2030-01-01T00:00:00Z'),
      },
      {
        validate: (documents, stored) => validator.validate(documents, stored),
        importerVersion: '1.0.0',
      },
    )
    await validator.close()
    return {code, report: JSON.parse(stdout.join('\n'))}
  }

  test('createFastValidator: the import report of every fixture and 100 corpus articles is the one Sanity alone gives', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'newsroom-screened-'))
    await mkdir(join(folder, 'wire'))
    for (const [index, fixture] of importFixtures.entries()) {
      const name = `${String(index).padStart(3, '0')}-${fixture.fileName.replaceAll('/', '-')}`
      await writeFile(join(folder, 'wire', name), bytesOf(fixture))
    }
    for (const {fileName, text} of generateCorpus(100)) {
      await writeFile(join(folder, 'wire', fileName), text)
    }
    const fast = createFastValidator()
    const screened = await report(folder, fast)
    const sanityOnly = await report(folder, await createValidator())
    expect(screened).toEqual(sanityOnly)
    // Some documents had problems, so Sanity's own markers are in both reports.
    expect(fast.counts().sentToSanity).toBeGreaterThan(0)
    expect(fast.counts().passed).toBeGreaterThan(150)
    expect(JSON.stringify(screened)).toContain(
      '"review":["Byline: Credit at least one author or one agency."]',
    )
  }, 120_000)
})
