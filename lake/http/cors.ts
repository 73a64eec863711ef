import type {LakeRequest, LakeResponse} from '../shared/LakeExchange'
import {type AccessPolicy, isAllowedOrigin} from './accessPolicy'

/**
 * Adds CORS headers that let an allowed origin (the Studio's) call the lake with credentials:
 * the origin is echoed (a wildcard is not allowed with credentials) and every requested header
 * is allowed. Any other origin gets no CORS headers, so its pages cannot read an answer.
 *
 * @param request - the request
 * @param response - the response to decorate
 * @param policy - who may talk to the lake
 */
export function applyCors(
  request: LakeRequest,
  response: LakeResponse,
  policy: AccessPolicy,
): void {
  const origin = request.headers.origin
  if (!origin || !isAllowedOrigin(origin, policy)) return
  response.setHeader('Access-Control-Allow-Origin', origin)
  response.setHeader('Access-Control-Allow-Credentials', 'true')
  response.setHeader('Vary', 'Origin')
  if (request.method === 'OPTIONS') {
    response.setHeader(
      'Access-Control-Allow-Methods',
      'GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS',
    )
    response.setHeader(
      'Access-Control-Allow-Headers',
      request.headers['access-control-request-headers'] ?? 'authorization, content-type',
    )
    response.setHeader('Access-Control-Max-Age', '600')
  }
}
