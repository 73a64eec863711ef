import {createHash, timingSafeEqual} from 'node:crypto'

import {LakeError} from '../shared/LakeError'
import type {LakeRequest} from '../shared/LakeExchange'

/** Who may talk to the lake, and how. */
export interface AccessPolicy {
  /** Browser origins allowed to call the lake (`http://localhost:3333`); others are refused. */
  origins: ReadonlySet<string>
  /** `Host` values the lake answers to (`localhost:3334`); others are refused. */
  hosts: ReadonlySet<string>
  /** Required of every request as `Authorization: Bearer <token>` when set. */
  token?: string
}

/** The Studio's dev server (`sanity dev`), which the lake lets in by default. */
export const STUDIO_ORIGINS = ['http://localhost:3333', 'http://127.0.0.1:3333'] as const

/** Methods that may change the dataset: their bodies must say they are JSON. */
const WRITING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * The policy for a lake on a port: the Studio's origins and those given; the loopback names
 * with that port (`localhost`, any `*.localhost`, `127.0.0.1`, `[::1]`) and the interface it is
 * bound to.
 *
 * @param options - the lake's port, bound host, extra origins and token
 * @returns the policy
 */
export function accessPolicy(options: {
  port: number
  host: string
  origins?: readonly string[]
  token?: string
}): AccessPolicy {
  const {port, host} = options
  const bound = host.includes(':') ? `[${host}]` : host
  return {
    origins: new Set([...STUDIO_ORIGINS, ...(options.origins ?? [])].map(normalOrigin)),
    hosts: new Set(
      ['localhost', '127.0.0.1', '[::1]', bound].map((name) => `${name.toLowerCase()}:${port}`),
    ),
    ...(options.token ? {token: options.token} : {}),
  }
}

/**
 * Checks a request against the policy before anything is read or done for it. A web page on
 * another origin is refused even for a "simple" request the browser sends without asking; a
 * `Host` naming another site (DNS rebinding) is refused; a write must be `application/json`, so
 * no form or `text/plain` post can make one; the token is compared in constant time.
 *
 * @param request - the incoming request
 * @param policy - who may talk to the lake
 * @throws LakeError 403 for a foreign origin or host, 415 for a write that is not JSON, 401 for
 *   a missing or wrong token
 */
export function checkAccess(request: LakeRequest, policy: AccessPolicy): void {
  checkOrigin(request, policy)
  const host = requestHost(request)
  if (!host || !isAllowedHost(host, policy)) {
    throw new LakeError(403, 'forbiddenHost', `Host "${host ?? ''}" is not this lake`)
  }
  if (policy.token && !sameToken(request.headers.authorization, `Bearer ${policy.token}`)) {
    throw new LakeError(401, 'unauthorized', 'A valid token is required')
  }
  const method = request.method ?? 'GET'
  if (WRITING_METHODS.has(method) && !isEmpty(request) && !isJson(request)) {
    throw new LakeError(415, 'unsupportedMediaType', `${method} bodies must be application/json`)
  }
}

/**
 * Refuses a browser request from a page on an origin the lake does not serve, a preflight
 * included.
 *
 * @param request - the incoming request
 * @param policy - who may talk to the lake
 * @throws LakeError 403 for a foreign origin
 */
export function checkOrigin(request: LakeRequest, policy: AccessPolicy): void {
  const origin = request.headers.origin
  if (origin !== undefined && !policy.origins.has(normalOrigin(origin))) {
    throw new LakeError(403, 'forbiddenOrigin', `Origin ${origin} may not use this lake`)
  }
}

/**
 * Whether an origin may be told, in CORS headers, that it can read the lake's answers.
 *
 * @param origin - the request's `Origin`
 * @param policy - who may talk to the lake
 * @returns true for the Studio's and the configured origins
 */
export function isAllowedOrigin(origin: string, policy: AccessPolicy): boolean {
  return policy.origins.has(normalOrigin(origin))
}

function requestHost(request: LakeRequest): string | undefined {
  const authority = request.headers[':authority']
  const host = typeof authority === 'string' ? authority : request.headers.host
  return host?.toLowerCase()
}

/** `*.localhost` is loopback by definition (RFC 6761), so no other site can answer to it. */
function isAllowedHost(host: string, policy: AccessPolicy): boolean {
  if (policy.hosts.has(host)) return true
  const subdomain = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.localhost(:\d+)$/.exec(host)
  return subdomain !== null && policy.hosts.has(`localhost${subdomain[1] ?? ''}`)
}

/** A body declared empty; any other (HTTP/2 may send one with no length) must say what it is. */
function isEmpty(request: LakeRequest): boolean {
  return request.headers['content-length'] === '0'
}

function isJson(request: LakeRequest): boolean {
  const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase()
  return type === 'application/json' || (type?.endsWith('+json') ?? false)
}

/** Compares hashes of the two, in constant time, so timing says nothing of the token. */
function sameToken(given: string | undefined, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest()
  return timingSafeEqual(digest(given ?? ''), digest(expected))
}

function normalOrigin(origin: string): string {
  return origin.trim().replace(/\/+$/, '').toLowerCase()
}
