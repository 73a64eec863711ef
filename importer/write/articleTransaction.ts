import {articleJsonBytes, isSplitArticle} from '../documents/articleBody'
import {type ArticleWrite, wholeWrite} from '../plan/planImport'
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
 * The mutations of {@link articleMutations} as UTF-8 JSON, as a request sends them: what
 * `JSON.stringify` writes, except that a split article's body goes in as the bytes it arrived
 * as, never parsed or serialised here.
 *
 * @param write - the article and what it needs
 * @returns the transaction's mutations as a JSON array
 */
export function articleMutationsJson(write: ArticleWrite): Buffer {
  // A whole article is serialised as it is: a replacer would be called for each of its values.
  if (!isSplitArticle(write.article)) return Buffer.from(JSON.stringify(articleMutations(write)))
  let body: Uint8Array | undefined
  // The split article (created, or the fields a patch sets) is written as a mark, then the mark
  // is replaced by the article's bytes.
  const json = JSON.stringify(articleMutations(write), (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null || !isSplitArticle(value)) return value
    body = articleJsonBytes(value)
    return SPLICE_MARK
  })
  const [before, after, ...more] = json.split(SPLICE_MARK_JSON)
  // A stored field named like the mark would make the split ambiguous: serialise it whole then.
  if (!body || before === undefined || after === undefined || more.length > 0) {
    return Buffer.from(JSON.stringify(articleMutations(wholeWrite(write))))
  }
  return Buffer.concat([Buffer.from(before), body, Buffer.from(after)])
}

/** Where {@link articleMutationsJson} splices a split article's bytes: a string no id holds. */
const SPLICE_MARK = '\u0000article'
const SPLICE_MARK_JSON = JSON.stringify(SPLICE_MARK)

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
