import {IncomingMessage, ServerResponse} from 'node:http'

import type {LakeRequest, LakeResponse} from '../shared/LakeExchange'
import type {FaultPlan} from './parseFaults'

/** One request as the lake saw it. */
export interface RequestLogEntry {
  /** Milliseconds since the epoch when the request arrived. */
  time: number
  method: string
  path: string
  /** The injected fault, if any. */
  fault?: '429' | '500' | 'reset'
}

type Handler = (request: LakeRequest, response: LakeResponse) => Promise<void>

/** Seconds a client is told to wait after a 429. */
const RETRY_AFTER_SECONDS = 1

/**
 * Wraps the lake's handler so that data requests (`/data/…`, except event streams) over
 * HTTP/1.1 meet the faults of `plan`: latency, 429 with `Retry-After`, 500, and connections
 * reset after the request was carried out, its answer lost. Every request is logged.
 *
 * @param handler - the lake's request handler
 * @param plan - which faults, how often
 * @param random - a number in [0, 1) per call (seeded in tests, so runs repeat)
 * @param log - receives an entry per request
 * @returns the wrapped handler
 */
export function withFaults(
  handler: Handler,
  plan: FaultPlan,
  random: () => number,
  log: (entry: RequestLogEntry) => void = () => undefined,
): Handler {
  return async (request, response) => {
    const path = (request.url ?? '').split('?')[0] ?? ''
    const entry: RequestLogEntry = {time: Date.now(), method: request.method ?? '', path}
    // HTTP/1.1 only (an HTTP/2 request is no IncomingMessage): a reset drops its socket.
    const faulty =
      request instanceof IncomingMessage && /\/data\//.test(path) && !/\/data\/listen\//.test(path)
    if (!faulty) {
      log(entry)
      return handler(request, response)
    }
    const [min, max] = plan.latency
    if (max > 0) await new Promise((resolve) => setTimeout(resolve, min + random() * (max - min)))
    const roll = random()
    if (roll < plan.tooManyRequests) {
      log({...entry, fault: '429'})
      response.writeHead(429, {
        'Content-Type': 'application/json',
        'Retry-After': String(RETRY_AFTER_SECONDS),
      })
      response.end(
        JSON.stringify({
          error: {type: 'rateLimited', description: 'Too many requests'},
          statusCode: 429,
        }),
      )
      return
    }
    if (roll < plan.tooManyRequests + plan.serverError) {
      log({...entry, fault: '500'})
      response.writeHead(500, {'Content-Type': 'application/json'})
      response.end(
        JSON.stringify({
          error: {type: 'internalError', description: 'Injected fault'},
          statusCode: 500,
        }),
      )
      return
    }
    if (roll < plan.tooManyRequests + plan.serverError + plan.reset) {
      log({...entry, fault: 'reset'})
      // The answer goes to a response tied to no socket, which keeps it: the request is carried
      // out, then the connection drops before a byte of the answer is sent. (Corking the socket
      // would not do: ending a response uncorks it and sends the answer.)
      try {
        await handler(request, new ServerResponse(request))
      } finally {
        request.socket.destroy()
      }
      return
    }
    log(entry)
    return handler(request, response)
  }
}
