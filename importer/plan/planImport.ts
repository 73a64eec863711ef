import type {SanityDocument} from '@sanity/client'

import {isRecord} from '../../dataset/guards'
import {
  type AnyArticle,
  type AnyDocuments,
  hasField,
  isSplitArticle,
  joinArticle,
} from '../documents/articleBody'
import {referencedDocuments} from '../documents/buildDocuments'
import {contentHash, recordedContentHash} from '../documents/contentHash'
import type {ArticleInput, NewsletterInput, PersonInput} from '../documents/types'

/**
 * What an import did with one article: `review` is an article written as a draft because it
 * fails an editorial rule (or its slug had to change), for an editor to fix and publish.
 */
export type ArticleStatus = 'created' | 'updated' | 'unchanged' | 'kept' | 'review'

/** One article to write, in one transaction with the people and newsletter it needs. */
export interface ArticleWrite {
  /** The article as written: `drafts.<id>` for a draft. Split when it was converted elsewhere. */
  article: AnyArticle
  /** People and newsletters not stored yet: created only where still missing. */
  createIfMissing: (PersonInput | NewsletterInput)[]
  /** The stored document's revision a replacement must still find; absent for a new one. */
  ifRevisionID?: string
  /** Fields the stored document has and the new one lacks, removed by the replacement. */
  unset?: string[]
}

/**
 * Whether a value read back from a spool is an article write: its shape, not every field.
 *
 * @param value - a parsed spool line
 * @returns true for an article write
 */
export function isArticleWrite(value: unknown): value is ArticleWrite {
  return (
    isRecord(value) &&
    isRecord(value['article']) &&
    typeof value['article']['_id'] === 'string' &&
    Array.isArray(value['createIfMissing'])
  )
}

/**
 * What to do with an article, decided against what is stored before validation: leave it
 * (`kept`, `unchanged`) or write it, over the stored version it replaces if any.
 */
export type ArticleDecision = {
  action: 'kept' | 'unchanged' | 'write'
  notes: string[]
  /** Whether the current version is a draft: what is compared, and replaced if written. */
  onDraft: boolean
}

/**
 * Decides whether an article is written. The article's current version is its draft when it has
 * one, else the published article: one whose content no longer matches the hash recorded at its
 * import was edited in the Studio and is `kept` unless `force`; one with the same content from
 * the same source is `unchanged`. Anything else is written — to the draft when there is one, so
 * an import never publishes over a draft awaiting review.
 *
 * @param article - the article as converted
 * @param stored - the stored documents, by id (drafts under `drafts.<id>`)
 * @param force - replace an edited article too
 * @returns the decision
 */
export function decideArticle(
  article: AnyArticle,
  stored: ReadonlyMap<string, SanityDocument>,
  force: boolean,
): ArticleDecision {
  const draft = stored.get(draftId(article._id))
  const current = draft ?? stored.get(article._id)
  if (!current) return {action: 'write', notes: [], onDraft: false}
  const onDraft = draft !== undefined
  if (wasEdited(current)) {
    const edit = onDraft ? 'has a draft an editor changed' : 'was edited since it was imported'
    if (!force) return {action: 'kept', notes: [`${edit}; --force replaces it`], onDraft}
    return {action: 'write', notes: [`${edit}; replaced (--force)`], onDraft}
  }
  const unchanged =
    recordedContentHash(current) === article.source?.contentHash &&
    provenance(current)?.['sourceSha256'] === article.source?.sourceSha256
  if (unchanged) {
    const notes = onDraft ? ['still a draft: publish it in the Studio'] : []
    return {action: 'unchanged', notes, onDraft}
  }
  return {action: 'write', notes: [], onDraft}
}

/**
 * The write for an article decided `write`: the published article, or its draft when it is to
 * be reviewed, imported as a draft, or already has a draft. A draft leaves the published
 * article as it is, as a Studio edit does. A stored version is replaced field by field, only
 * while it keeps the revision read.
 *
 * @param documents - the article and the people and newsletter it needs
 * @param stored - the stored documents, by id
 * @param asDraft - write `drafts.<id>`
 * @returns the write
 */
export function articleWrite(
  documents: AnyDocuments,
  stored: ReadonlyMap<string, SanityDocument>,
  asDraft: boolean,
): ArticleWrite {
  const {article} = documents
  const target = asDraft ? {...article, _id: draftId(article._id)} : article
  const existing = stored.get(target._id)
  return {
    article: target,
    createIfMissing: referencedDocuments(documents).filter((document) => !stored.has(document._id)),
    ...(existing
      ? {
          ifRevisionID: existing._rev,
          unset: Object.keys(existing).filter(
            (field) => !field.startsWith('_') && !hasField(target, field),
          ),
        }
      : {}),
  }
}

/**
 * Every document of some writes once, people and newsletters first, each article whole.
 *
 * @param writes - the article writes
 * @param includeArticle - whether an article goes in (every one by default); one left out is
 *   never read whole
 * @returns their documents without repeats
 */
export function planDocuments(
  writes: readonly ArticleWrite[],
  includeArticle: (article: AnyArticle) => boolean = () => true,
): (ArticleInput | PersonInput | NewsletterInput)[] {
  const documents = new Map<string, ArticleInput | PersonInput | NewsletterInput>()
  for (const write of writes)
    for (const document of write.createIfMissing) documents.set(document._id, document)
  for (const write of writes)
    if (includeArticle(write.article)) documents.set(write.article._id, joinArticle(write.article))
  return [...documents.values()]
}

/**
 * The write with its article whole, for keeping it as JSON (a spool) rather than sending it.
 *
 * @param write - an article write
 * @returns the same write, its article parsed if it was split
 */
export function wholeWrite(write: ArticleWrite): ArticleWrite {
  return isSplitArticle(write.article) ? {...write, article: joinArticle(write.article)} : write
}

/**
 * The id of a document's draft.
 *
 * @param id - a published id
 * @returns `drafts.<id>`
 */
export function draftId(id: string): string {
  return `drafts.${id}`
}

function wasEdited(document: SanityDocument): boolean {
  return recordedContentHash(document) !== contentHash(document)
}

function provenance(document: SanityDocument): Record<string, unknown> | undefined {
  const source = document['source']
  return isRecord(source) ? source : undefined
}
