import type {SanityDocument} from '@sanity/client'

import type {Conversion} from '../convertSource'
import {isRecord} from '../../dataset/isRecord'
import {contentHash} from '../documents/contentHash'
import type {ArticleInput, NewsletterInput, PersonInput} from '../documents/types'

/** What an import does with one article. */
export type ArticleStatus = 'created' | 'updated' | 'unchanged' | 'kept'

/** The decision for one converted file. */
export interface PlannedArticle {
  conversion: Conversion
  status: ArticleStatus
  /** Why an article is kept, or other facts for the report. */
  notes: string[]
}

/** One article to write, in one transaction with the people and newsletter it needs. */
export interface ArticleWrite {
  article: ArticleInput
  /** People and newsletters not stored yet: created only where still missing. */
  createIfMissing: (PersonInput | NewsletterInput)[]
  /** The stored article's revision a replacement must still find; absent for a new article. */
  ifRevisionID?: string
  /** Fields the stored article has and the new one lacks, removed by the replacement. */
  unset?: string[]
}

/** Everything a run writes, one transaction per article. */
export interface WritePlan {
  articles: ArticleWrite[]
}

/**
 * Every document of a plan once, people and newsletters first.
 *
 * @param plan - the plan
 * @returns its documents without repeats
 */
export function planDocuments(plan: WritePlan): (ArticleInput | PersonInput | NewsletterInput)[] {
  const documents = new Map<string, ArticleInput | PersonInput | NewsletterInput>()
  for (const write of plan.articles)
    for (const document of write.createIfMissing) documents.set(document._id, document)
  for (const write of plan.articles) documents.set(write.article._id, write.article)
  return [...documents.values()]
}

/**
 * Decides what to write for each converted file against what is stored. An article nobody
 * edited since its import is `updated` (or `unchanged` when the source and result are the
 * same); one whose content no longer matches the hash recorded at import, or that has a draft,
 * was edited in the Studio and is `kept` unless `force` is set. People and newsletters are
 * created only when missing and never overwritten.
 *
 * @param conversions - the converted files
 * @param stored - the stored documents, by id (drafts under `drafts.<id>`)
 * @param options - `force` replaces edited articles too; `drafts` writes `drafts.<id>`
 * @returns a decision per file and the documents to write
 */
export function planImport(
  conversions: readonly Conversion[],
  stored: ReadonlyMap<string, SanityDocument>,
  options: {force?: boolean; drafts?: boolean} = {},
): {articles: PlannedArticle[]; writes: WritePlan} {
  const writes: WritePlan = {articles: []}
  const articles = conversions.map((conversion): PlannedArticle => {
    const {article, persons, newsletter} = conversion.documents
    const decide = options.drafts ? decideDraft : decidePublished
    const decision = decide(article, stored, options.force ?? false)
    if (decision.status === 'created' || decision.status === 'updated') {
      const needed = [...persons, ...(newsletter ? [newsletter] : [])]
      const target = options.drafts ? {...article, _id: `drafts.${article._id}`} : article
      const existing = stored.get(target._id)
      writes.articles.push({
        article: target,
        createIfMissing: needed.filter((document) => !stored.has(document._id)),
        ...(existing
          ? {
              ifRevisionID: existing._rev,
              unset: Object.keys(existing).filter(
                (field) => !field.startsWith('_') && !(field in article),
              ),
            }
          : {}),
      })
    }
    return {conversion, ...decision}
  })
  return {articles, writes}
}

type Decision = {status: ArticleStatus; notes: string[]}

/** Publishing: the published article is written; an editor's draft or edit keeps it. */
function decidePublished(
  article: ArticleInput,
  stored: ReadonlyMap<string, SanityDocument>,
  force: boolean,
): Decision {
  const existing = stored.get(article._id)
  const draft = stored.get(`drafts.${article._id}`)
  if (!existing && !draft) return {status: 'created', notes: []}
  const editedBy = draft
    ? 'has an unpublished draft'
    : existing && wasEdited(existing)
      ? 'was edited since it was imported'
      : undefined
  return decideOver(existing, article, editedBy, force)
}

/**
 * Drafts (`--drafts`): the article is written as `drafts.<id>` for an editor to review and
 * publish. The newest version — the draft, else the published article — is what an edit is
 * looked for in.
 */
function decideDraft(
  article: ArticleInput,
  stored: ReadonlyMap<string, SanityDocument>,
  force: boolean,
): Decision {
  const current = stored.get(`drafts.${article._id}`) ?? stored.get(article._id)
  if (!current) return {status: 'created', notes: ['imported as a draft']}
  const decision = decideOver(
    current,
    article,
    wasEdited(current) ? 'was edited since it was imported' : undefined,
    force,
  )
  return decision.status === 'updated'
    ? {...decision, notes: [...decision.notes, 'imported as a draft']}
    : decision
}

function decideOver(
  existing: SanityDocument | undefined,
  article: ArticleInput,
  editedBy: string | undefined,
  force: boolean,
): Decision {
  if (editedBy && !force) return {status: 'kept', notes: [`${editedBy}; --force replaces it`]}
  if (editedBy) return {status: 'updated', notes: [`${editedBy}; replaced (--force)`]}
  const unchanged =
    recordedHash(existing) === article.source?.contentHash &&
    sourceSha(existing) === article.source?.sourceSha256
  return {status: unchanged ? 'unchanged' : 'updated', notes: []}
}

function wasEdited(document: SanityDocument): boolean {
  return recordedHash(document) !== contentHash(document)
}

function recordedHash(document: SanityDocument | undefined): unknown {
  return provenance(document)?.['contentHash']
}

function sourceSha(document: SanityDocument | undefined): unknown {
  return provenance(document)?.['sourceSha256']
}

function provenance(document: SanityDocument | undefined): Record<string, unknown> | undefined {
  const source = document?.['source']
  return isRecord(source) ? source : undefined
}
