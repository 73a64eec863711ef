import {isRecord} from '../../dataset'
import {isAllowedHref} from '../../schemas/constants'

/** Largest document the Content Lake stores. */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024
/** Largest mutation request body the hosted Content Lake accepts (about 4 MB). */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024
/** Most distinct attribute paths a document may have. */
export const MAX_ATTRIBUTES = 1000

/**
 * Checks a document against the Content Lake's limits before it is sent: its UTF-8 size, its
 * number of distinct attribute paths (array positions folded together), and that every link
 * points at an http, https or mailto address.
 *
 * @param document - a document about to be written
 * @returns one line per problem, empty when it may be sent
 */
export function limitProblems(document: {_id: string}): string[] {
  const problems: string[] = []
  const bytes = Buffer.byteLength(JSON.stringify(document))
  if (bytes >= MAX_DOCUMENT_BYTES) {
    problems.push(
      `${document._id} is ${(bytes / 1024 / 1024).toFixed(1)} MB; documents must be under 32 MB`,
    )
  } else if (bytes >= MAX_REQUEST_BYTES) {
    problems.push(
      `${document._id} is ${(bytes / 1024 / 1024).toFixed(1)} MB; a request must be under 4 MB`,
    )
  }
  const paths = new Set<string>()
  const hrefs: string[] = []
  walk(document, '', paths, hrefs)
  if (paths.size > MAX_ATTRIBUTES) {
    problems.push(
      `${document._id} has ${paths.size} distinct attributes; the limit is ${MAX_ATTRIBUTES}`,
    )
  }
  for (const href of hrefs) {
    if (!isAllowedHref(href))
      problems.push(`${document._id} links to "${href}"; only http, https and mailto are allowed`)
  }
  return problems
}

function walk(value: unknown, path: string, paths: Set<string>, hrefs: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, `${path}[]`, paths, hrefs)
    return
  }
  if (!isRecord(value)) {
    paths.add(path)
    return
  }
  if (value['_type'] === 'link' && typeof value['href'] === 'string') hrefs.push(value['href'])
  for (const [key, item] of Object.entries(value)) {
    walk(item, path ? `${path}.${key}` : key, paths, hrefs)
  }
}
