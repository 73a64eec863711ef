import type {SanityDocument} from '@sanity/client'
import {describe, expect, test} from 'vitest'

import type {Conversion} from '../importer'
import {ARTICLE_BODY, splitArticle} from '../importer/documents/articleBody'
import type {ArticleInput} from '../importer/documents/types'
import {articleSummary} from '../importer/run/articleSummary'
import {
  type ConvertedFile,
  decideFiles,
  type DecideOptions,
  type FileOutcome,
  isFileOutcome,
  type Validate,
} from '../importer/run/decideFiles'
import {describeIssue} from '../importer/run/describeIssue'
import {bodyLimits} from '../importer/run/limitProblems'
import type {Link} from '../schemas/sanity.types'
import type {ValidationIssue} from '../validation/protocol'
import {convertText} from './support/convertText'
import {importSources} from './support/importSources'
import {recordingTarget} from './support/recordingTarget'

const NOW = '2024-08-17T00:00:00.000Z'

/** Credited to a person and an agency, with a second section and a newsletter signup. */
const FLOODS = [
  '# Floods close the ring road',
  'By Jane Doe, AFP',
  'Water rose overnight.',
  '## Aftermath',
  'The road reopened.',
  'Subscribe to our newsletter',
  'Newsletter signup',
  'Please wait...',
  'Thank you for sign up!',
].join('\n\n')
const FLOODS_AT_DAWN = FLOODS.replace('overnight', 'at dawn')
const NEWSLETTER_ID = 'newsletter-subscribe-to-our-newsletter'
const SIGNUP_NOTE =
  'newsletter promo moved into a signup block: "Subscribe to our newsletter"; check the newsletter it points to'
const SUMMARY = {
  id: 'article-floods',
  title: 'Floods close the ring road',
  titleDerived: false,
  sections: [null, 'Aftermath'],
  authors: ['Jane Doe'],
  agencies: ['AFP'],
  newsletter: 'Subscribe to our newsletter',
}
const DRAFT_SUMMARY = {...SUMMARY, id: 'drafts.article-floods'}

/** Headed and credited: a conversion without notes. */
const RAIN = '# Rain stopped\n\nThe sun came out.\n\nReuters'

/** What an earlier import of `text` stored: its article, people and newsletter. */
function storedFrom(text: string): SanityDocument[] {
  return importSources([{fileName: 'floods.md', bytes: new TextEncoder().encode(text)}])
}

/** The floods story stored, then its headline changed in the Studio. */
function storedEdited(): SanityDocument[] {
  return storedFrom(FLOODS).map((document) =>
    document._id === 'article-floods' ? {...document, title: 'Edited in the Studio'} : document,
  )
}

/** The floods story stored published, and as a draft no one has changed. */
function storedWithDraft(): SanityDocument[] {
  const stored = storedFrom(FLOODS)
  const drafts = stored.flatMap((document) =>
    document._id === 'article-floods' ? [{...document, _id: 'drafts.article-floods'}] : [],
  )
  return [...stored, ...drafts]
}

/** The conversion with a link to `href` in its first paragraph, as no source converts to. */
function withLink(conversion: Conversion, href: string): Conversion {
  const {article} = conversion.documents
  const markDefs: (Link & {_key: string})[] = [{_type: 'link', _key: 'l', href}]
  const sections = article.sections.map((section, index) =>
    index > 0
      ? section
      : {
          ...section,
          content: section.content.map((item) =>
            item._type === 'block' ? {...item, markDefs} : item,
          ),
        },
  )
  return {...conversion, documents: {...conversion.documents, article: {...article, sections}}}
}

/** Validation raising `issues` on the documents with those ids; the documents asked are kept. */
function validator(issues: Record<string, ValidationIssue[]> = {}) {
  const calls: {documents: SanityDocument[]; dataset: SanityDocument[]}[] = []
  const validate: Validate = async (documents, dataset) => {
    calls.push({documents, dataset})
    return documents.map(({_id, _type}) => ({
      documentId: _id,
      documentType: _type,
      issues: issues[_id] ?? [],
    }))
  }
  return {validate, calls}
}

function issue(level: ValidationIssue['level'], field: string, message: string) {
  return {level, message, path: [], field}
}

const HEADLINE_TOO_LONG = issue('error', 'Headline', 'Too long.')

interface Case {
  name: string
  input: {
    file: ConvertedFile
    stored?: SanityDocument[]
    options?: DecideOptions
    issues?: Record<string, ValidationIssue[]>
  }
  output: {
    outcome: FileOutcome
    /** The article written and the notes it carries; undefined when nothing is written. */
    write?: {id: string; importNotes: string[] | undefined}
    /** The ids of the documents validated, per call to the validator. */
    validated: string[][]
  }
}

const FLOODS_IDS = ['person-jane-doe', NEWSLETTER_ID, 'article-floods']
const floods = (text = FLOODS) => ({
  fileName: 'floods.md',
  conversion: convertText('floods.md', text),
})

const cases: Case[] = [
  {
    name: '1. a new article is created, with its notes written into it',
    input: {file: floods()},
    output: {
      outcome: {
        fileName: 'floods.md',
        status: 'created',
        article: SUMMARY,
        review: [],
        notes: [SIGNUP_NOTE],
        errors: [],
      },
      write: {id: 'article-floods', importNotes: [SIGNUP_NOTE]},
      validated: [FLOODS_IDS],
    },
  },
  {
    name: '2. an article without notes is written without importNotes',
    input: {file: {fileName: 'rain.txt', conversion: convertText('rain.txt', RAIN)}},
    output: {
      outcome: {
        fileName: 'rain.txt',
        status: 'created',
        article: {
          id: 'article-rain',
          title: 'Rain stopped',
          titleDerived: false,
          sections: [null],
          authors: [],
          agencies: ['Reuters'],
        },
        review: [],
        notes: [],
        errors: [],
      },
      write: {id: 'article-rain', importNotes: undefined},
      validated: [['article-rain']],
    },
  },
  {
    name: '3. issues of its person and newsletter are named by their id, the article’s not',
    input: {
      file: floods(),
      issues: {
        'person-jane-doe': [issue('error', 'Name', 'Add the name.')],
        [NEWSLETTER_ID]: [issue('error', 'Heading', 'Too short.')],
        'article-floods': [HEADLINE_TOO_LONG, issue('warning', 'Standfirst', 'Add one.')],
      },
    },
    output: {
      outcome: {
        fileName: 'floods.md',
        status: 'review',
        article: DRAFT_SUMMARY,
        review: [
          'person-jane-doe › Name: Add the name.',
          `${NEWSLETTER_ID} › Heading: Too short.`,
          'Headline: Too long.',
        ],
        notes: [SIGNUP_NOTE, 'Standfirst: Add one.'],
        errors: [],
      },
      write: {
        id: 'drafts.article-floods',
        importNotes: [
          'person-jane-doe › Name: Add the name.',
          `${NEWSLETTER_ID} › Heading: Too short.`,
          'Headline: Too long.',
          SIGNUP_NOTE,
          'Standfirst: Add one.',
        ],
      },
      validated: [FLOODS_IDS],
    },
  },
  {
    name: '4. strict: an article for review fails with its review as errors',
    input: {
      file: floods(),
      options: {strict: true},
      issues: {'article-floods': [HEADLINE_TOO_LONG]},
    },
    output: {
      outcome: {
        fileName: 'floods.md',
        status: 'failed',
        article: SUMMARY,
        review: [],
        notes: [],
        errors: ['Headline: Too long.'],
      },
      validated: [FLOODS_IDS],
    },
  },
  {
    name: '5. over the Content Lake’s limits: fails with the limit lines',
    input: {
      file: {
        fileName: 'floods.md',
        conversion: withLink(convertText('floods.md', FLOODS), 'ftp://a.example'),
      },
    },
    output: {
      outcome: {
        fileName: 'floods.md',
        status: 'failed',
        article: SUMMARY,
        review: [],
        notes: [],
        errors: [
          'article-floods links to "ftp://a.example"; only http, https and mailto are allowed',
        ],
      },
      validated: [FLOODS_IDS],
    },
  },
  {
    name: '6. edited in the Studio: kept, and not validated',
    input: {file: floods(FLOODS_AT_DAWN), stored: storedEdited()},
    output: {
      outcome: {
        fileName: 'floods.md',
        status: 'kept',
        article: SUMMARY,
        review: [],
        notes: [SIGNUP_NOTE, 'was edited since it was imported; --force replaces it'],
        errors: [],
      },
      validated: [],
    },
  },
  {
    name: '7. edited in the Studio, with force: replaced',
    input: {file: floods(FLOODS_AT_DAWN), stored: storedEdited(), options: {force: true}},
    output: {
      outcome: {
        fileName: 'floods.md',
        status: 'updated',
        article: SUMMARY,
        review: [],
        notes: [SIGNUP_NOTE, 'was edited since it was imported; replaced (--force)'],
        errors: [],
      },
      write: {
        id: 'article-floods',
        importNotes: [SIGNUP_NOTE, 'was edited since it was imported; replaced (--force)'],
      },
      validated: [['article-floods']],
    },
  },
  {
    name: '8. unchanged: not validated, nothing written',
    input: {file: floods(), stored: storedFrom(FLOODS)},
    output: {
      outcome: {
        fileName: 'floods.md',
        status: 'unchanged',
        article: SUMMARY,
        review: [],
        notes: [SIGNUP_NOTE],
        errors: [],
      },
      validated: [],
    },
  },
  {
    name: '9. over its unpublished draft: the draft is updated, and the report says so',
    input: {file: floods(FLOODS_AT_DAWN), stored: storedWithDraft()},
    output: {
      outcome: {
        fileName: 'floods.md',
        status: 'updated',
        article: DRAFT_SUMMARY,
        review: [],
        notes: [SIGNUP_NOTE, 'its unpublished draft was updated: publish it in the Studio'],
        errors: [],
      },
      write: {
        id: 'drafts.article-floods',
        importNotes: [SIGNUP_NOTE, 'its unpublished draft was updated: publish it in the Studio'],
      },
      validated: [['article-floods']],
    },
  },
  {
    name: '10. drafts: imported as a draft',
    input: {file: floods(), options: {drafts: true}},
    output: {
      outcome: {
        fileName: 'floods.md',
        status: 'created',
        article: DRAFT_SUMMARY,
        review: [],
        notes: [SIGNUP_NOTE, 'imported as a draft'],
        errors: [],
      },
      write: {id: 'drafts.article-floods', importNotes: [SIGNUP_NOTE, 'imported as a draft']},
      validated: [FLOODS_IDS],
    },
  },
  {
    name: '11. a file that could not be converted fails with the reason',
    input: {file: {fileName: 'empty.txt', error: 'empty.txt: the file has no text'}},
    output: {
      outcome: {
        fileName: 'empty.txt',
        status: 'failed',
        review: [],
        notes: [],
        errors: ['empty.txt: the file has no text'],
      },
      validated: [],
    },
  },
  {
    name: '12. a file with neither a conversion nor a reason fails with an empty line',
    input: {file: {fileName: 'empty.txt'}},
    output: {
      outcome: {fileName: 'empty.txt', status: 'failed', review: [], notes: [], errors: ['']},
      validated: [],
    },
  },
]

describe('decideFiles', () => {
  test.each(cases)('decideFiles: $name', async ({input, output}) => {
    const {target, commits} = recordingTarget(input.stored ?? [])
    const {validate, calls} = validator(input.issues)
    const {outcomes, writes} = await decideFiles([input.file], input.options ?? {}, {
      target,
      validate,
      importedAt: NOW,
    })
    expect(outcomes).toStrictEqual([output.outcome])
    expect(
      writes.map(({article}) => ({id: article._id, importNotes: article.importNotes})),
    ).toStrictEqual(output.write ? [output.write] : [])
    expect(calls.map(({documents}) => documents.map(({_id}) => _id))).toEqual(output.validated)
    // Deciding writes nothing: the run commits what it decided, later.
    expect(commits).toEqual([])
  })

  test('decideFiles: loads the article, people and newsletter of each converted file', async () => {
    const {target, loads} = recordingTarget([])
    await decideFiles(
      [
        floods(),
        {fileName: 'empty.txt', error: 'empty.txt: the file has no text'},
        {fileName: 'rain.txt', conversion: convertText('rain.txt', RAIN)},
      ],
      {},
      {target, validate: validator().validate, importedAt: NOW},
    )
    expect(loads).toEqual([['article-floods', 'person-jane-doe', NEWSLETTER_ID, 'article-rain']])
  })

  test('decideFiles: validates only what it may write, stamped as stored, against what is stored', async () => {
    const stored = storedFrom(FLOODS)
    const {target} = recordingTarget(stored)
    const {validate, calls} = validator()
    const {outcomes} = await decideFiles(
      [floods(), {fileName: 'rain.txt', conversion: convertText('rain.txt', RAIN)}],
      {},
      {target, validate, importedAt: NOW},
    )
    expect(outcomes.map(({status}) => status)).toEqual(['unchanged', 'created'])
    expect(calls).toHaveLength(1)
    expect(
      calls[0]?.documents.map(({_id, _createdAt, _updatedAt, _rev}) => ({
        _id,
        _createdAt,
        _updatedAt,
        _rev,
      })),
    ).toEqual([{_id: 'article-rain', _createdAt: NOW, _updatedAt: NOW, _rev: ''}])
    expect(calls[0]?.dataset).toBe(stored)
  })

  test('decideFiles: an article screened where it was converted goes to the validator as screened, never whole', async () => {
    const rain = convertText('rain.txt', RAIN)
    const {head, body} = splitArticle(rain.documents.article, bodyLimits)
    const prescreen = {verdict: 'valid' as const, asked: []}
    const article = {...head, [ARTICLE_BODY]: {...body, prescreen}}
    const file = {
      fileName: 'rain.txt',
      conversion: {...rain, documents: {...rain.documents, article}},
    }
    const {target} = recordingTarget([])
    const screened: {id: string; rev: string; prescreen: unknown; sections: unknown}[] = []
    const validate: Validate = async (documents, _dataset, prescreened = []) => {
      for (const {head: screenedHead, prescreen: given, whole} of prescreened) {
        const {_id: id, _rev: rev} = screenedHead
        screened.push({id, rev, prescreen: given, sections: whole()['sections']})
      }
      return [...documents, ...prescreened.map((each) => each.head)].map(({_id, _type}) => ({
        documentId: _id,
        documentType: _type,
        issues: [],
      }))
    }
    const {outcomes} = await decideFiles([file], {}, {target, validate, importedAt: NOW})
    expect(outcomes.map(({status}) => status)).toEqual(['created'])
    expect(screened).toEqual([
      {id: 'article-rain', rev: '', prescreen, sections: rain.documents.article.sections},
    ])
    // A validator that answers only for the documents it was given whole would pass it unseen.
    const {validate: ignoring} = validator()
    const asked = 1 + rain.documents.persons.length + (rain.documents.newsletter ? 1 : 0)
    await expect(
      decideFiles([file], {}, {target, validate: ignoring, importedAt: NOW}),
    ).rejects.toThrow(`decideFiles(): validation answered for ${asked - 1} of ${asked} documents`)
  })
})

const OUTCOME = {fileName: 'a.txt', status: 'created', review: [], notes: [], errors: []}

describe('isFileOutcome', () => {
  test.each([
    {name: '1. an outcome', input: OUTCOME, output: true},
    {name: '2. null', input: null, output: false},
    {name: '3. an array', input: [OUTCOME], output: false},
    {name: '4. no file name', input: {...OUTCOME, fileName: undefined}, output: false},
    {name: '5. a file name that is not text', input: {...OUTCOME, fileName: 1}, output: false},
    {name: '6. no status', input: {...OUTCOME, status: undefined}, output: false},
    {name: '7. review not a list', input: {...OUTCOME, review: 'x'}, output: false},
    {name: '8. notes not a list', input: {...OUTCOME, notes: 'x'}, output: false},
    {name: '9. errors not a list', input: {...OUTCOME, errors: 'x'}, output: false},
  ])('isFileOutcome: $name', ({input, output}) => {
    expect(isFileOutcome(input)).toBe(output)
  })
})

describe('articleSummary', () => {
  const rain = convertText('rain.txt', 'Rain stopped.\n\nThe sun came out.')
  const byline: ArticleInput['byline'] = {_type: 'byline', authors: []}
  const uncredited = {
    ...rain,
    documents: {...rain.documents, article: {...rain.documents.article, byline}},
  }
  test.each([
    {
      name: '1. sections, authors, agencies and newsletter',
      input: convertText('floods.md', FLOODS),
      output: SUMMARY,
    },
    {
      name: '2. a derived headline, no newsletter and a byline without agencies',
      input: uncredited,
      output: {
        id: 'article-rain',
        title: 'Rain stopped',
        titleDerived: true,
        sections: [null],
        authors: [],
        agencies: [],
      },
    },
  ])('articleSummary: $name', ({input, output}) => {
    expect(articleSummary(input)).toStrictEqual(output)
  })
})

describe('describeIssue', () => {
  test.each([
    {
      name: '1. an issue of the article: its field and message',
      input: {documentId: undefined, issue: issue('error', 'Byline', 'Credit an author.')},
      output: 'Byline: Credit an author.',
    },
    {
      name: '2. an issue of another document: its id first',
      input: {documentId: 'person-x', issue: issue('error', 'Name', 'Add the name.')},
      output: 'person-x › Name: Add the name.',
    },
    {
      name: '3. an issue of another document with no field',
      input: {documentId: 'person-x', issue: issue('error', '', 'Missing.')},
      output: 'person-x: Missing.',
    },
    {
      name: '4. an issue of the article with no field: the message alone',
      input: {documentId: undefined, issue: issue('error', '', 'Missing.')},
      output: 'Missing.',
    },
  ])('describeIssue: $name', ({input, output}) => {
    expect(describeIssue(input.documentId, input.issue)).toBe(output)
  })
})
