import type {IncomingMessage, ServerResponse} from 'node:http'
import type {Http2ServerRequest, Http2ServerResponse} from 'node:http2'

/** A request over HTTP/1.1 (Node clients) or HTTP/2 (browsers). */
export type LakeRequest = IncomingMessage | Http2ServerRequest

/** A response over HTTP/1.1 or HTTP/2. */
export type LakeResponse = ServerResponse | Http2ServerResponse

/**
 * Writes a chunk of a streamed response, whichever protocol carries it.
 *
 * @param response - the response
 * @param text - the chunk
 */
export function writeChunk(response: LakeResponse, text: string): void {
  if ('stream' in response) response.write(text)
  else response.write(text)
}
