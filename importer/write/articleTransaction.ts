import {articleJsonBytes, isSplitArticle} from '../documents/articleBody'
import type {ArticleWrite} from '../plan/planImport'
import {shortHash} from '../shared/contentKey'
import {sha256Hex} from '../shared/sha256'

/** A mutation as `POST /data/mutate` takes it. */
export type Mutation =
  | {createIfNotExists: {_id: string; _type: string} & Record<string, unknown>}
  | {create: {_id: string; _type: string} & Record<string, unknown>}
  | {patch: {id: string; ifRevisionID: string; set: Record<string, unknown>; unset: string[]}}

/**
 * The mutations that write one article: its people and newsletter with `createIfNotExists`, so
 * an editor's changes to them are never overwritten, then the article — created when new, or
 * replaced field by field only while it still has the revision the import read, so an edit
 * made meanwhile makes the transaction fail with 409 instead of being lost.
 *
 * @param write - the article and what it needs
 * @returns the transaction's mutations
 */
export function articleMutations(write: ArticleWrite): Mutation[] {
  const {article, createIfMissing, ifRevisionID, unset = []} = write
  const needed: Mutation[] = createIfMissing.map((document) => ({createIfNotExists: {...document}}))
  if (!ifRevisionID) return [...needed, {create: {...article}}]
  const {_id, _type: _omitType, ...fields} = article
  return [...needed, {patch: {id: _id, ifRevisionID, set: fields, unset}}]
}

/**
 * The mutations of {@link articleMutations} as UTF-8 JSON, as a request sends them. A split
 * article's body goes in as the bytes it arrived as, never parsed or serialised here; any other
 * article is serialised as `JSON.stringify` writes the mutations.
 *
 * @param write - the article and what it needs
 * @returns the transaction's mutations as a JSON array
 */
export function articleMutationsJson(write: ArticleWrite): Buffer {
  const {article, createIfMissing, ifRevisionID, unset = []} = write
  if (!isSplitArticle(article)) return Buffer.from(JSON.stringify(articleMutations(write)))
  const needed = createIfMissing.map(
    (document) => `${JSON.stringify({createIfNotExists: document})},`,
  )
  const [open, close] = ifRevisionID
    ? [
        `{"patch":{"id":${JSON.stringify(article._id)},"ifRevisionID":${JSON.stringify(ifRevisionID)},"set":`,
        `,"unset":${JSON.stringify(unset)}}}`,
      ]
    : ['{"create":', '}']
  const fields = articleJsonBytes(article, ifRevisionID ? ['_id', '_type'] : [])
  return Buffer.concat([
    Buffer.from(`[${needed.join('')}${open}`),
    fields,
    Buffer.from(`${close}]`),
  ])
}

/**
 * A transaction id derived from a request's mutations as they are sent, so a retried request
 * carries the same id and the Content Lake can recognise it instead of applying it twice. Each
 * article's JSON is hashed on its own, then the digests together: joining a request's JSON
 * into one string first would cost more than the hashing.
 *
 * @param mutationsJson - the mutations of each article in the request, as JSON text or UTF-8
 * @returns a stable id
 */
export function transactionIdFor(mutationsJson: readonly (string | Uint8Array)[]): string {
  return `import-${shortHash(mutationsJson.map(sha256Hex).join(''))}`
}
