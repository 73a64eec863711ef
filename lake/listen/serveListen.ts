import {type LakeRequest, type LakeResponse, writeChunk} from '../http/LakeExchange'

import {parse} from 'groq-js'

import type {Lake} from '../createLake'
import {readFlag, readQueryParams} from '../http/requestInput'
import {LakeError} from '../LakeError'
import {type ListenOptions, mutationEvents} from './mutationEvents'

/** Under the 45 s after which the Studio's EventSource gives up on a silent stream. */
const HEARTBEAT_MS = 15_000

let listeners = 0

/**
 * `GET /data/listen/<ds>`: a server-sent event stream that starts with `welcome` and then sends
 * a `mutation` event for every committed change to a document the query matches.
 *
 * @param lake - the lake to follow
 * @param url - the request URL
 * @param request - the request (its close ends the subscription)
 * @param response - the stream
 * @throws LakeError 400 when the query is missing or does not parse
 */
export function serveListen(
  lake: Lake,
  url: URL,
  request: LakeRequest,
  response: LakeResponse,
): void {
  const query = url.searchParams.get('query')
  if (!query) throw new LakeError(400, 'queryParseError', 'The "query" parameter is required')
  const params = readQueryParams(url.searchParams)
  try {
    parse(query, {params})
  } catch (error) {
    throw new LakeError(
      400,
      'queryParseError',
      error instanceof Error ? error.message : String(error),
    )
  }
  const options: ListenOptions = {
    query,
    params,
    includeResult: readFlag(url.searchParams, 'includeResult', true),
    includePreviousRevision: readFlag(url.searchParams, 'includePreviousRevision', false),
    includeMutations: readFlag(url.searchParams, 'includeMutations', true),
    includeEffects: url.searchParams.get('effectFormat') === 'mendoza',
  }
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
  })
  const send = (event: string, data: unknown, id?: string) =>
    writeChunk(
      response,
      `event: ${event}\n${id ? `id: ${id}\n` : ''}data: ${JSON.stringify(data)}\n\n`,
    )
  const unsubscribe = lake.subscribe((transaction) => {
    for (const event of mutationEvents(transaction, options)) send('mutation', event, event.eventId)
  })
  const heartbeat = setInterval(() => writeChunk(response, ': ping\n\n'), HEARTBEAT_MS)
  heartbeat.unref()
  request.on('close', () => {
    clearInterval(heartbeat)
    unsubscribe()
  })
  send('welcome', {listenerName: `local-${++listeners}`})
}
