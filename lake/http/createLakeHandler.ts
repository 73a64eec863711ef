import {onlyMemberValue} from '../../dataset'
import {isRecord} from '../../dataset/guards'
import type {Lake} from '../core/createLake'
import {createListeners} from '../listen/createListeners'
import {LakeError} from '../shared/LakeError'
import type {LakeRequest, LakeResponse} from '../shared/LakeExchange'
import {isLakeMutation} from '../store/mutations'
import {type AccessPolicy, checkAccess, checkOrigin} from './accessPolicy'
import {applyCors} from './cors'
import {LOCAL_GRANTS, LOCAL_USER, localProject} from './localProject'
import {
  decodePathPart,
  readFlag,
  readJsonBody,
  readJsonRequest,
  readListenRequest,
  readPerspective,
  readQueryParams,
} from './requestInput'

/** What the handler serves, and to whom. */
export interface LakeHandlerOptions {
  /** The one dataset this lake holds, e.g. `production`. */
  dataset: string
  /** Who may talk to the lake (read per request: the port is known once the lake listens). */
  access: () => AccessPolicy
}

type Route = (context: {
  match: RegExpExecArray
  url: URL
  apiVersion: string
  request: LakeRequest
  response: LakeResponse
}) => Promise<unknown> | unknown

const VERSIONED_PATH = /^\/v(\d{4}-\d{2}-\d{2}|\d+|X)(\/.*)$/

/**
 * The Content Lake HTTP API over a {@link Lake}: what Sanity Studio and `@sanity/client` call,
 * under any `/v<date>` prefix. Errors are JSON in the hosted API's shape; a malformed request
 * gets a 4xx, never a crash.
 *
 * @param lake - the dataset's lake
 * @param options - the dataset's name and who may talk to the lake
 * @returns a `node:http` request listener
 */
export function createLakeHandler(lake: Lake, options: LakeHandlerOptions) {
  const dataset = (name: string | undefined) => {
    if (name !== options.dataset)
      throw new LakeError(404, 'notFoundError', `Dataset "${name}" not found`)
  }
  const keyValues = new Map<string, unknown>()
  const listeners = createListeners(lake)

  const routes: [method: string, path: RegExp, route: Route][] = [
    ['GET', /^\/users\/me$/, () => LOCAL_USER],
    ['GET', /^\/auth\/id$/, () => ({id: LOCAL_USER.id})],
    [
      'GET',
      /^\/users\/me\/keyvalue\/(.+)$/,
      ({match}) =>
        (match[1] ?? '')
          .split(',')
          .flatMap((key) => (keyValues.has(key) ? [{key, value: keyValues.get(key)}] : [])),
    ],
    [
      'PUT',
      /^\/users\/me\/keyvalue$/,
      async ({request}) => {
        const body = await readJsonBody(request)
        const entries = Array.isArray(body) ? body.filter(isRecord) : []
        for (const entry of entries)
          if (typeof entry['key'] === 'string') keyValues.set(entry['key'], entry['value'])
        return entries
      },
    ],
    [
      'GET',
      /^\/users\/([^/]+)$/,
      ({match}) =>
        (match[1] ?? '').split(',').map((id) => ({
          id,
          displayName: LOCAL_USER.name,
          imageUrl: null,
          email: LOCAL_USER.email,
        })),
    ],
    [
      'GET',
      /^\/projects\/[^/]+\/datasets\/([^/]+)\/acl$/,
      ({match}) => (dataset(match[1]), LOCAL_GRANTS),
    ],
    [
      'GET',
      /^\/(?:projects\/[^/]+\/)?datasets$/,
      () => [{name: options.dataset, aclMode: 'private'}],
    ],
    ['GET', /^\/projects\/[^/]+\/grants$/, () => ({})],
    ['GET', /^\/projects\/([^/]+)$/, ({match}) => localProject(match[1] ?? '')],
    ['GET', /^\/features$/, () => []],
    ['GET', /^\/intake\/telemetry-status$/, () => ({status: 'denied'})],
    [
      'GET',
      /^\/data\/query\/([^/]+)$/,
      ({match, url, apiVersion}) => {
        dataset(match[1])
        return runQuery(
          url.searchParams.get('query'),
          readQueryParams(url.searchParams),
          url,
          apiVersion,
        )
      },
    ],
    [
      'POST',
      /^\/data\/query\/([^/]+)$/,
      async ({match, url, apiVersion, request}) => {
        dataset(match[1])
        const body = await readJsonBody(request)
        const query = isRecord(body) && typeof body['query'] === 'string' ? body['query'] : null
        const params = isRecord(body) && isRecord(body['params']) ? body['params'] : {}
        return runQuery(query, params, url, apiVersion)
      },
    ],
    [
      'GET',
      /^\/data\/doc\/([^/]+)\/(.+)$/,
      ({match}) => {
        dataset(match[1])
        return lake.getDocuments(decodePathPart(match[2] ?? '').split(','))
      },
    ],
    [
      'GET',
      /^\/data\/listen\/([^/]+)$/,
      ({match, url, request, response}) => {
        dataset(match[1])
        listeners.serve(readListenRequest(url.searchParams), request, response)
        return STREAMING
      },
    ],
    [
      'POST',
      /^\/data\/mutate\/([^/]+)$/,
      async ({match, url, request}) => {
        dataset(match[1])
        const {body, digest, receivedJson} = await readJsonRequest(request)
        const mutations =
          isRecord(body) && Array.isArray(body['mutations']) ? body['mutations'] : undefined
        if (!mutations || !mutations.every(isLakeMutation)) {
          throw new LakeError(
            400,
            'mutationError',
            'Body must be {"mutations": [...]} with one operation per mutation',
          )
        }
        const transactionId =
          isRecord(body) && typeof body['transactionId'] === 'string'
            ? body['transactionId']
            : url.searchParams.get('transactionId')
        // Each mutation's bytes, by the body it holds: the journal takes a created document's
        // JSON from `{"createOrReplace": {…}}`, and only the documents it writes are looked for.
        const received = new WeakMap<object, Uint8Array>()
        for (const mutation of mutations) {
          const bytes = receivedJson(mutation)
          const [body] = Object.values(mutation)
          if (bytes && isRecord(body)) received.set(body, bytes)
        }
        const outcome = await lake.mutate(mutations, {
          ...(transactionId ? {transactionId} : {}),
          fingerprint: digest,
          receivedJson: (body) => {
            const bytes = received.get(body)
            return bytes && onlyMemberValue(bytes)
          },
          dryRun: readFlag(url.searchParams, 'dryRun', false),
        })
        const returnDocuments = readFlag(url.searchParams, 'returnDocuments', false)
        return {
          transactionId: outcome.transactionId,
          results: outcome.results.map((result, index) =>
            returnDocuments ? {...result, document: outcome.documents[index]} : result,
          ),
        }
      },
    ],
    [
      'POST',
      /^\/data\/actions\/([^/]+)$/,
      async ({match, request}) => {
        dataset(match[1])
        const {body, digest} = await readJsonRequest(request)
        const actions =
          isRecord(body) && Array.isArray(body['actions']) ? body['actions'] : undefined
        if (!actions) throw new LakeError(400, 'actionError', 'Body must be {"actions": [...]}')
        const transactionId =
          isRecord(body) && typeof body['transactionId'] === 'string'
            ? body['transactionId']
            : undefined
        return lake.actions(actions, {
          ...(transactionId ? {transactionId} : {}),
          fingerprint: digest,
          dryRun: isRecord(body) && body['dryRun'] === true,
        })
      },
    ],
    [
      'GET',
      /^\/data\/history\/([^/]+)\/transactions\/.+$/,
      ({match, response}) => {
        dataset(match[1])
        response.writeHead(200, {'Content-Type': 'application/x-ndjson'}).end()
        return STREAMING
      },
    ],
    [
      'GET',
      /^\/data\/history\/([^/]+)\/documents\/.+$/,
      ({match}) => (dataset(match[1]), {documents: []}),
    ],
    [
      'GET',
      /^\/data\/history\/([^/]+)\/events\/documents\/(.+)$/,
      ({match}) => {
        dataset(match[1])
        return {events: {[decodePathPart(match[2] ?? '')]: []}, nextCursor: ''}
      },
    ],
    ['GET', /^\/projects\/[^/]+\/user-applications$/, () => []],
    ['GET', /^\/(?:data\/)?ping$/, () => 'PONG'],
  ]

  async function runQuery(
    query: string | null,
    params: Record<string, unknown>,
    url: URL,
    apiVersion: string,
  ) {
    if (!query) throw new LakeError(400, 'queryParseError', 'The "query" parameter is required')
    const started = performance.now()
    const perspective = readPerspective(url.searchParams.get('perspective'), apiVersion)
    const result = await lake.query(query, params, perspective)
    return {query, result, ms: Math.round(performance.now() - started)}
  }

  return async (request: LakeRequest, response: LakeResponse) => {
    const policy = options.access()
    applyCors(request, response, policy)
    try {
      if (request.method === 'OPTIONS') {
        checkOrigin(request, policy)
        response.writeHead(204).end()
        return
      }
      checkAccess(request, policy)
      const url = new URL(request.url ?? '/', 'http://lake.local')
      const versioned = VERSIONED_PATH.exec(url.pathname)
      const path = versioned?.[2] ?? url.pathname
      for (const [method, pattern, route] of routes) {
        const match = pattern.exec(path)
        if (!match || method !== request.method) continue
        const body = await route({match, url, apiVersion: versioned?.[1] ?? '1', request, response})
        if (body !== STREAMING) sendJson(response, 200, body)
        return
      }
      throw new LakeError(
        404,
        'notFoundError',
        `${request.method} ${path} is not served by the local lake`,
      )
    } catch (error) {
      const lakeError =
        error instanceof LakeError
          ? error
          : new LakeError(
              500,
              'internalError',
              error instanceof Error ? error.message : String(error),
            )
      if (response.headersSent) response.end()
      else sendJson(response, lakeError.statusCode, lakeError.toJSON())
    }
  }
}

/** Returned by routes that wrote the response themselves. */
const STREAMING = Symbol('streaming')

function sendJson(response: LakeResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  })
  response.end(text)
}
