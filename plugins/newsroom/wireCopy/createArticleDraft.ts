import type {SanityDocument} from '@sanity/client'

import type {ArticleConversion} from '../../../importer/convert'
import {referencedDocuments} from '../../../importer/documents/buildDocuments'
import {articleWrite, decideArticle, draftId} from '../../../importer/plan/planImport'
import {ArticleClaims} from '../../../importer/run/ArticleClaims'
import {
  articleMutations,
  type Mutation,
  transactionIdFor,
} from '../../../importer/write/articleTransaction'
import {findSlugOwners} from '../../../importer/write/slugOwners'

/** What creating a draft needs of a Content Lake client: `useClient()` gives one. */
export interface DraftClient {
  getDocuments(ids: string[]): Promise<(SanityDocument | null)[]>
  fetch(
    query: string,
    params: Record<string, unknown>,
    options: {perspective: 'raw'},
  ): Promise<unknown>
  mutate(mutations: Mutation[], options: {transactionId: string}): Promise<unknown>
}

/** What came of one article: its draft made, or the article already there, left as it is. */
export type DraftOutcome =
  {status: 'created'; id: string} | {status: 'exists'; id: string; reason: string}

/**
 * Writes a converted article as a draft for an editor, as `npm run import --drafts` would: the
 * people and newsletter it credits are created only where missing, so no edit to them is
 * overwritten; a slug another article holds becomes the next free `<slug>-2`, with a note; and
 * an article already in the dataset is left as it is when an editor changed it since its import
 * or when it holds this very text.
 *
 * @param conversion - the article's documents and notes, from convertArticle
 * @param client - reads the stored documents and commits the transaction
 * @returns the draft's id, or why the stored article was left
 * @throws the client's error when reading or committing fails
 */
export async function createArticleDraft(
  conversion: ArticleConversion,
  client: DraftClient,
): Promise<DraftOutcome> {
  const [claimed] = await new ArticleClaims().claimSlugs([{conversion, review: []}], (slugs) =>
    findSlugOwners(slugs, (query, params) => client.fetch(query, params, {perspective: 'raw'})),
  )
  const documents = claimed?.conversion?.documents ?? conversion.documents
  const notes = [...(claimed?.review ?? []), ...conversion.notes]
  const {article} = documents
  const ids = [
    article._id,
    draftId(article._id),
    ...referencedDocuments(documents).map((document) => document._id),
  ]
  const stored = new Map<string, SanityDocument>()
  for (const document of await client.getDocuments(ids)) {
    if (document) stored.set(document._id, document)
  }
  const decision = decideArticle(article, stored, false)
  const current = decision.onDraft ? draftId(article._id) : article._id
  if (decision.action === 'kept') {
    return {status: 'exists', id: current, reason: 'an editor changed it since it was imported'}
  }
  if (decision.action === 'unchanged') {
    return {status: 'exists', id: current, reason: 'it was made from this same text'}
  }
  const withNotes = notes.length > 0 ? {...article, importNotes: [...notes]} : article
  const write = articleWrite({...documents, article: withNotes}, stored, true)
  const mutations = articleMutations(write)
  await client.mutate(mutations, {transactionId: transactionIdFor([JSON.stringify(mutations)])})
  return {status: 'created', id: write.article._id}
}
