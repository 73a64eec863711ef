import {isRecord} from '../../dataset/guards'
import type {Prescreen} from '../../validation/fast/prescreen'
import {jsonOf} from './canonicalJson'
import type {ArticleInput, ImportedDocuments} from './types'

/**
 * Where a split article keeps its body. A symbol, so that copies made with spread (`{...article,
 * _id}`) keep the body while `JSON.stringify` and `for…in` never see it.
 */
export const ARTICLE_BODY: unique symbol = Symbol('article body')

/** The two members an article's body holds: nearly all of its bytes. */
export const BODY_MEMBERS = ['sections', 'source'] as const

/**
 * What the Content Lake's limits need to know of a body without reading it (see
 * `limitProblems`): its distinct attribute paths, the links it holds and a bound on its bytes.
 */
export interface BodyLimits {
  paths: number
  hrefs: string[]
  maxBytes: number
}

/**
 * An article's sections and source, serialised once where it was converted and kept as UTF-8, so
 * that the thread deciding and writing the article neither parses nor serialises its bulk.
 */
export interface ArticleBody {
  /** `"sections":[…],"source":{…}`: the two members as they appear in the article's JSON. */
  json: Uint8Array
  /** Each section's heading, null for one without: what the report lists. */
  headings: (string | null)[]
  limits: BodyLimits
  /**
   * The whole article's verdict under the schema's rules, when the thread that converted it
   * screened it (see `prescreenDocument`): an article read whole again is screened again.
   */
  prescreen?: Prescreen
}

/** An article's source without its text: the provenance an import decides by. */
export type SourceProvenance = Omit<NonNullable<ArticleInput['source']>, 'text'>

/**
 * An article whose body travels as JSON: every other field is parsed, and the source's
 * provenance is repeated outside the body so decisions can read it.
 */
export type SplitArticle = Omit<ArticleInput, (typeof BODY_MEMBERS)[number]> & {
  source?: SourceProvenance
  [ARTICLE_BODY]: ArticleBody
}

/** An article as built, or split with its body as JSON. */
export type AnyArticle = ArticleInput | SplitArticle

/** Documents of one source file whose article may be split. */
export type AnyDocuments = Omit<ImportedDocuments, 'article'> & {article: AnyArticle}

/**
 * Whether an article's body is held as JSON.
 *
 * @param article - a document
 * @returns true for a split article
 */
export function isSplitArticle(article: object): article is SplitArticle {
  return ARTICLE_BODY in article
}

/**
 * Whether an article has a field, its body's members included when it is split.
 *
 * @param article - an article as built or split
 * @param field - a top-level field name
 * @returns true when the article, whole, has the field
 */
export function hasField(article: AnyArticle, field: string): boolean {
  if (field in article) return true
  return isSplitArticle(article) && BODY_MEMBERS.some((member) => member === field)
}

const UTF8 = new TextEncoder()
const UTF8_TEXT = new TextDecoder()
/** Largest body encoded through the reused buffer; a larger one is encoded on its own. */
const KEEP_BYTES = 1024 * 1024
let encoded = new Uint8Array(64 * 1024)

/**
 * Strings one after another as UTF-8, in bytes of their own: encoded into a buffer kept between
 * calls and copied out, which takes half the time of encoding into a new buffer of each size.
 */
function utf8(parts: readonly string[]): Uint8Array {
  // Three bytes per UTF-16 unit at most, so no part is cut short.
  const most = parts.reduce((bytes, part) => bytes + 3 * part.length, 0)
  if (most > KEEP_BYTES) return UTF8.encode(parts.join(''))
  if (most > encoded.length) encoded = new Uint8Array(KEEP_BYTES)
  let length = 0
  for (const part of parts) length += UTF8.encodeInto(part, encoded.subarray(length)).written
  return encoded.slice(0, length)
}

/**
 * Splits an article into its parsed head and its body as UTF-8 JSON: done where the article was
 * converted. The body's bytes are a buffer of their own, so they can be transferred to another
 * thread without a copy.
 *
 * @param article - an article as built
 * @param limitsOf - what the Content Lake's limits need to know of the body (see `BodyLimits`)
 * @returns the head, without the body, and the body
 */
export function splitArticle(
  article: ArticleInput,
  limitsOf: (body: Pick<ArticleInput, (typeof BODY_MEMBERS)[number]>) => BodyLimits,
): {head: Omit<SplitArticle, typeof ARTICLE_BODY>; body: ArticleBody} {
  const {sections, source, ...rest} = article
  // `JSON.stringify({sections, source})` without its braces, as the members are spliced into
  // whatever object holds them; the sections' JSON is the one their content hash was made of.
  const json = ['"sections":', jsonOf(sections)]
  if (source) json.push(',"source":', JSON.stringify(source))
  const body: ArticleBody = {
    json: utf8(json),
    headings: sections.map((section) => section.heading ?? null),
    limits: limitsOf({sections, source}),
  }
  if (!source) return {head: rest, body}
  const {text: _text, ...provenance} = source
  return {head: {...rest, source: provenance}, body}
}

/**
 * The article with its body parsed: what validation and anything else that reads sections needs.
 * An article that is not split is returned as it is.
 *
 * @param article - an article as built or split
 * @returns the whole article
 */
export function joinArticle(article: AnyArticle): ArticleInput {
  if (!isSplitArticle(article)) return article
  const {[ARTICLE_BODY]: body, ...head} = article
  const members: unknown = JSON.parse(`{${UTF8_TEXT.decode(body.json)}}`)
  const [before, after] = aroundBody(head)
  const whole: unknown = isRecord(members) ? {...before, ...members, ...after} : undefined
  if (!isWholeArticle(whole)) {
    throw new Error(`joinArticle(): the body of ${article._id} holds no sections`)
  }
  return whole
}

/**
 * The documents with their article whole (see {@link joinArticle}).
 *
 * @param documents - documents whose article may be split
 * @returns documents with the article parsed
 */
export function joinDocuments(documents: AnyDocuments): ImportedDocuments {
  return {...documents, article: joinArticle(documents.article)}
}

/**
 * A split article's JSON as UTF-8, the body's bytes spliced in as they are: byte for byte what
 * `JSON.stringify` gives for the same article whole. Any copy that kept the body will do, such
 * as the fields a patch sets (all but `_id` and `_type`).
 *
 * @param article - a split article, or fields copied from one
 * @returns the JSON object's bytes
 */
export function articleJsonBytes(article: Pick<SplitArticle, typeof ARTICLE_BODY>): Uint8Array {
  const {[ARTICLE_BODY]: body, ...head} = article
  const [before, after] = aroundBody(head)
  const beforeJson = JSON.stringify(before)
  const afterJson = JSON.stringify(after)
  // `{"a":1}` and `{"b":2}` around `"sections":…,"source":…` make `{"a":1,"sections":…,"b":2}`.
  const open = UTF8.encode(beforeJson === '{}' ? '{' : `${beforeJson.slice(0, -1)},`)
  const close = UTF8.encode(afterJson === '{}' ? '}' : `,${afterJson.slice(1)}`)
  const bytes = new Uint8Array(open.length + body.json.length + close.length)
  bytes.set(open)
  bytes.set(body.json, open.length)
  bytes.set(close, open.length + body.json.length)
  return bytes
}

/**
 * A split article's head in two: the fields that come before its body and those after. The body
 * goes where the whole article has it, where the head keeps the source's provenance, so a split
 * article and the same article whole serialise alike; without a source, it goes last.
 */
function aroundBody(head: object): [object, object] {
  const before: Record<string, unknown> = {}
  const after: Record<string, unknown> = {}
  let side = before
  for (const [key, value] of Object.entries(head)) {
    if (key === 'source') side = after
    else side[key] = value
  }
  return [before, after]
}

/** An article as the builder makes it: the fields it always has, sections among them. */
function isWholeArticle(value: unknown): value is ArticleInput {
  return (
    isRecord(value) &&
    typeof value['_id'] === 'string' &&
    value['_type'] === 'article' &&
    typeof value['title'] === 'string' &&
    isRecord(value['slug']) &&
    isRecord(value['byline']) &&
    Array.isArray(value['sections'])
  )
}
