import {hash} from 'node:crypto'

import {isJsonBlank, JsonDepthError, parseJsonBytes} from '../../dataset'
import type {ListenRequest} from '../listen/createListeners'
import type {Perspective} from '../query/perspectiveDocuments'
import {LakeError} from '../shared/LakeError'
import type {LakeRequest} from '../shared/LakeExchange'

/** Largest request body accepted; the hosted API's limit is lower, so real payloads fit. */
const MAX_BODY_BYTES = 40 * 1024 * 1024

/**
 * Reads a JSON request body.
 *
 * @param request - the request
 * @returns the parsed body, or undefined when there is none
 * @throws LakeError 413 for a body over 40 MB, 400 for a body that is not JSON
 */
export async function readJsonBody(request: LakeRequest): Promise<unknown> {
  return (await readJsonRequest(request)).body
}

/** A JSON request body read: the value, and what its bytes tell besides. */
export interface JsonRequest {
  /** The parsed body; undefined when there is none. */
  body: unknown
  /** The SHA-256 of the body's bytes. */
  digest: string
  /**
   * An array or object of the body as the request carried it, when it was parsed from bytes of
   * its own (see `parseJsonBytes`): a view into the body's bytes.
   */
  receivedJson: (value: object) => Uint8Array | undefined
}

/**
 * Reads a JSON request body, with a digest of its bytes as received: a retried request sends
 * the same bytes, and hashing them costs far less than serialising the parsed body again.
 *
 * @param request - the request
 * @returns the parsed body, its digest, and the bytes of its parts
 * @throws LakeError 413 for a body over 40 MB, 400 for a body that is not JSON
 */
export async function readJsonRequest(request: LakeRequest): Promise<JsonRequest> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    size += buffer.length
    if (size > MAX_BODY_BYTES)
      throw new LakeError(413, 'requestTooLarge', 'Request body is larger than 40 MB')
    chunks.push(buffer)
  }
  const bytes = Buffer.concat(chunks)
  const digest = hash('sha256', bytes, 'hex')
  const ranges = new WeakMap<object, [number, number]>()
  const receivedJson = (value: object) => {
    const range = ranges.get(value)
    return range && bytes.subarray(...range)
  }
  if (isJsonBlank(bytes)) return {body: undefined, digest, receivedJson}
  let body: unknown
  try {
    // In pieces: a mutation request of a few hundred kilobytes decodes three times faster.
    body = parseJsonBytes(bytes, {
      onContainer: (value, start, end) => ranges.set(value, [start, end]),
      maxDepth: MAX_DEPTH,
    })
  } catch (error) {
    if (error instanceof JsonDepthError) {
      throw new LakeError(
        400,
        'invalidJson',
        `Request body is nested deeper than ${MAX_DEPTH} levels`,
      )
    }
    throw new LakeError(400, 'invalidJson', 'Request body is not valid JSON')
  }
  return {body, digest, receivedJson}
}

/** Deeper than any document: what goes past it is an attack on whatever walks the value. */
const MAX_DEPTH = 100

/**
 * Decodes a percent-encoded part of a path.
 *
 * @param part - the encoded text, e.g. a document id
 * @returns the decoded text
 * @throws LakeError 400 when the encoding is malformed
 */
export function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    throw new LakeError(400, 'invalidRequest', `"${part}" is not validly percent-encoded`)
  }
}

/**
 * Reads GROQ parameters from a query string (`$name=<JSON>`).
 *
 * @param search - the URL's search parameters
 * @returns the parameters by name
 * @throws LakeError 400 for a parameter that is not JSON
 */
export function readQueryParams(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [name, value] of search) {
    if (!name.startsWith('$')) continue
    try {
      params[name.slice(1)] = JSON.parse(value)
    } catch {
      throw new LakeError(400, 'queryParseError', `Parameter "${name}" is not valid JSON`)
    }
  }
  return params
}

/**
 * The perspective a query asks for. Without one, API versions from 2025-02-19 read `published`
 * and older ones `raw`, as the hosted API does.
 *
 * @param value - the `perspective` parameter
 * @param apiVersion - the request's API version, e.g. `2025-02-19`
 * @returns the perspective
 */
export function readPerspective(value: string | null, apiVersion: string): Perspective {
  if (value === 'raw' || value === 'published' || value === 'drafts') return value
  if (value)
    return value
      .split(',')
      .map((layer) => layer.trim())
      .filter(Boolean)
  return apiVersion >= '2025-02-19' && apiVersion !== 'X' ? 'published' : 'raw'
}

/**
 * Reads a boolean query parameter (`true`/`false`).
 *
 * @param search - the URL's search parameters
 * @param name - the parameter
 * @param fallback - its value when absent
 * @returns the flag
 */
export function readFlag(search: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = search.get(name)
  return value === null ? fallback : value === 'true' || value === ''
}

/**
 * Reads what a `/data/listen` request asks for from its query string.
 *
 * @param search - the URL's search parameters
 * @returns the query, its parameters and the event parts wanted (as the hosted API defaults them)
 * @throws LakeError 400 for a parameter that is not JSON
 */
export function readListenRequest(search: URLSearchParams): ListenRequest {
  return {
    query: search.get('query'),
    params: readQueryParams(search),
    includeResult: readFlag(search, 'includeResult', true),
    includePreviousRevision: readFlag(search, 'includePreviousRevision', false),
    includeMutations: readFlag(search, 'includeMutations', true),
    includeEffects: search.get('effectFormat') === 'mendoza',
  }
}
