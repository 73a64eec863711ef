import {constants} from 'node:http2'

import {evaluateSync, type ExprNode, parse} from 'groq-js'

import type {Lake} from '../core/createLake'
import {LakeError} from '../shared/LakeError'
import {type LakeRequest, type LakeResponse, writeChunk} from '../shared/LakeExchange'
import {type ListenOptions, mutationEvents} from './mutationEvents'

/** Under the 45 s after which the Studio's EventSource gives up on a silent stream. */
const HEARTBEAT_MS = 15_000
/** Event streams open at once; a Studio keeps a few dozen. */
const MAX_LISTENERS = 256
/** Bytes a client may leave unread before it is dropped, so a stalled reader costs no more. */
const MAX_UNREAD_BYTES = 4 * 1024 * 1024

/** What a client asks to listen to: its query, unparsed, and which parts of each event it wants. */
export interface ListenRequest extends Omit<ListenOptions, 'tree'> {
  /** The GROQ query, as given; missing is refused. */
  query: string | null
}

/** The listeners of one lake's HTTP API. */
export interface Listeners {
  /**
   * `GET /data/listen/<ds>`: a server-sent event stream that starts with `welcome` and then
   * sends a `mutation` event for every committed change to a document the query matches.
   *
   * @param listen - the query and the parts of each event the client wants
   * @param request - the request (its close ends the subscription)
   * @param response - the stream
   * @throws LakeError 400 when the query is missing, does not parse, or is one the lake cannot
   *   evaluate against a document; 429 when too many streams are open
   */
  serve: (listen: ListenRequest, request: LakeRequest, response: LakeResponse) => void
}

/**
 * The event streams of a lake. A listener whose query fails on a transaction, or whose client
 * stops reading, is closed; neither touches a write or another listener.
 *
 * @param lake - the lake to follow
 * @returns the listeners
 */
export function createListeners(lake: Lake): Listeners {
  let open = 0
  let named = 0
  return {
    serve: ({query, ...listen}, request, response) => {
      if (open >= MAX_LISTENERS) {
        throw new LakeError(429, 'tooManyListeners', `At most ${MAX_LISTENERS} listeners at once`)
      }
      const options: ListenOptions = {...listen, tree: listenQuery(query, listen.params)}
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache',
      })
      open++
      let closed = false
      const close = () => {
        if (closed) return
        closed = true
        open--
        clearInterval(heartbeat)
        unsubscribe()
        response.end()
      }
      const send = (text: string) => {
        if (closed) return
        if (unreadBytes(response) > MAX_UNREAD_BYTES) {
          // The client stopped reading: what it has not read is dropped with it.
          close()
          drop(response)
          return
        }
        writeChunk(response, text)
      }
      const event = (name: string, data: unknown, id?: string) =>
        send(`event: ${name}\n${id ? `id: ${id}\n` : ''}data: ${JSON.stringify(data)}\n\n`)
      const unsubscribe = lake.subscribe((transaction) => {
        let events
        try {
          events = mutationEvents(transaction, options)
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error)
          event('channelError', {message: `Listener query failed: ${message}`})
          close()
          return
        }
        for (const mutation of events) event('mutation', mutation, mutation.eventId)
      })
      const heartbeat = setInterval(() => send(': ping\n\n'), HEARTBEAT_MS)
      heartbeat.unref()
      request.on('close', close)
      event('welcome', {listenerName: `local-${++named}`})
    },
  }
}

/**
 * Parses a listener's query and tries it on a document, as it will run on every change: a query
 * the lake cannot evaluate (`diff::changedAny(…)`) is refused now, not on every write.
 */
function listenQuery(query: string | null, params: Record<string, unknown>): ExprNode {
  if (!query) throw new LakeError(400, 'queryParseError', 'The "query" parameter is required')
  try {
    const tree = parse(query, {params})
    evaluateSync(tree, {dataset: [{_id: 'listen-probe', _type: 'listen-probe'}], params})
    return tree
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new LakeError(400, 'queryParseError', `The lake cannot listen with this query: ${reason}`)
  }
}

/** Discards a stream's unsent data: an HTTP/2 stream alone, an HTTP/1.1 connection whole. */
function drop(response: LakeResponse): void {
  if ('stream' in response) response.stream.close(constants.NGHTTP2_CANCEL)
  else response.socket?.destroy()
}

/** What the client has not read yet, whichever protocol carries the stream. */
function unreadBytes(response: LakeResponse): number {
  return 'stream' in response ? response.stream.writableLength : response.writableLength
}
