import {isRecord} from '../../dataset'
import {isAllowedHref} from '../../schemas/constants'
import {
  ARTICLE_BODY,
  articleJsonBytes,
  type BodyLimits,
  isSplitArticle,
  type SplitArticle,
} from '../documents/articleBody'

/** Largest document the Content Lake stores. */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024
/** Largest mutation request body the hosted Content Lake accepts (about 4 MB). */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024
/** Most distinct attribute paths a document may have. */
export const MAX_ATTRIBUTES = 1000

/**
 * Checks a document against the Content Lake's limits before it is sent: its UTF-8 size, its
 * number of distinct attribute paths (array positions folded together), and that every link
 * points at an http, https or mailto address. One walk gathers the paths and links and bounds
 * the size; the document is serialised to measure it only when that bound reaches a limit. A
 * split article's body is not walked again: it was, where it was split.
 *
 * @param document - a document about to be written
 * @returns one line per problem, empty when it may be sent
 */
export function limitProblems(document: {_id: string}): string[] {
  const problems: string[] = []
  const walked = isSplitArticle(document) ? splitArticleLimits(document) : bodyLimits(document)
  const bytes =
    walked.maxBytes < MAX_REQUEST_BYTES
      ? 0
      : isSplitArticle(document)
        ? articleJsonBytes(document).byteLength
        : Buffer.byteLength(JSON.stringify(document))
  if (bytes >= MAX_DOCUMENT_BYTES) {
    problems.push(
      `${document._id} is ${(bytes / 1024 / 1024).toFixed(1)} MB; documents must be under 32 MB`,
    )
  } else if (bytes >= MAX_REQUEST_BYTES) {
    problems.push(
      `${document._id} is ${(bytes / 1024 / 1024).toFixed(1)} MB; a request must be under 4 MB`,
    )
  }
  if (walked.paths > MAX_ATTRIBUTES) {
    problems.push(
      `${document._id} has ${walked.paths} distinct attributes; the limit is ${MAX_ATTRIBUTES}`,
    )
  }
  for (const href of walked.hrefs) {
    if (!isAllowedHref(href))
      problems.push(`${document._id} links to "${href}"; only http, https and mailto are allowed`)
  }
  return problems
}

/**
 * What the limits need to know of a value: its distinct attribute paths (array positions folded
 * together), the links it holds, and at least its JSON's size in UTF-8 (6 bytes a character
 * covers `\u0000` escapes).
 *
 * @param value - a document, or the members of one (a split article's body)
 * @returns the paths, links and size bound
 */
export function bodyLimits(value: object): BodyLimits {
  const walked: BodyLimits = {paths: 0, hrefs: [], maxBytes: 0}
  walk(value, {}, walked)
  return walked
}

/** The head walked here and the body as it was walked: their top-level fields never overlap. */
function splitArticleLimits(article: SplitArticle): BodyLimits {
  // The head repeats the source's provenance, which the body holds whole.
  const {source: _provenance, ...head} = article
  const walked = bodyLimits(head)
  const body = article[ARTICLE_BODY].limits
  return {
    paths: walked.paths + body.paths,
    hrefs: [...walked.hrefs, ...body.hrefs],
    maxBytes: walked.maxBytes + body.maxBytes,
  }
}

/** An attribute path, as a node of the tree of a document's paths: `[]` for array items. */
interface PathNode {
  children?: Map<string, PathNode>
  /** Whether a value ends here: the path is one of the document's attributes. */
  attribute?: boolean
}

/** The most a number, `true`, `false` or `null` takes as JSON (`-1.2345678901234567e-308`). */
const MAX_SCALAR_BYTES = 24

function walk(value: unknown, path: PathNode, walked: BodyLimits): void {
  if (Array.isArray(value)) {
    walked.maxBytes += 2 + value.length
    if (value.length > 0) {
      const items = child(path, '[]')
      for (const item of value) walk(item, items, walked)
    }
    return
  }
  if (!isRecord(value)) {
    walked.maxBytes += typeof value === 'string' ? 2 + 6 * value.length : MAX_SCALAR_BYTES
    if (!path.attribute) {
      path.attribute = true
      walked.paths++
    }
    return
  }
  if (value['_type'] === 'link' && typeof value['href'] === 'string') {
    walked.hrefs.push(value['href'])
  }
  walked.maxBytes += 2
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    walked.maxBytes += 4 + 6 * key.length
    walk(value[key], child(path, key), walked)
  }
}

function child(path: PathNode, key: string): PathNode {
  path.children ??= new Map()
  let node = path.children.get(key)
  if (!node) {
    node = {}
    path.children.set(key, node)
  }
  return node
}
