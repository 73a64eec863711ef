import type {Sleep} from './rateLimiter'

/** How failed requests are retried. */
export interface RetryOptions {
  /** Retries after the first attempt; then the error is thrown. */
  maxRetries: number
  /** Base of the exponential backoff, in milliseconds. */
  baseDelay?: number
  /** Longest wait between attempts, in milliseconds. */
  maxDelay?: number
  random?: () => number
  sleep?: Sleep
  /** Called before each retry, e.g. to count or report it. */
  onRetry?: (error: unknown, attempt: number, delay: number) => void
}

/**
 * Runs `operation`, retrying on 429, 5xx and network errors (no HTTP status) with exponential
 * backoff and full jitter, or after exactly the `Retry-After` the server asked for. Other errors
 * (a 409 conflict, a 400) are thrown at once: retrying cannot fix them.
 *
 * @param operation - one attempt
 * @param options - the retry budget and timing
 * @returns the first successful result
 */
export async function withRetries<T>(
  operation: () => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const {maxRetries, baseDelay = 250, maxDelay = 30_000, random = Math.random} = options
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation()
    } catch (error) {
      if (attempt >= maxRetries || !isRetryable(error)) throw error
      const retryAfter = retryAfterMilliseconds(error)
      const delay =
        retryAfter ?? Math.round(random() * Math.min(maxDelay, baseDelay * 2 ** attempt))
      options.onRetry?.(error, attempt + 1, delay)
      await sleep(delay)
    }
  }
}

/**
 * Whether a failed request may succeed when sent again.
 *
 * @param error - what the request threw
 * @returns true for 429, 5xx and errors without an HTTP status (connection reset, timeout)
 */
export function isRetryable(error: unknown): boolean {
  const status = statusOf(error)
  return status === undefined || status === 429 || status >= 500
}

/**
 * The HTTP status of a failed `@sanity/client` request.
 *
 * @param error - what the request threw
 * @returns the status, or undefined for a network error
 */
export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return undefined
  return typeof error.statusCode === 'number' ? error.statusCode : undefined
}

function retryAfterMilliseconds(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('response' in error)) return undefined
  const {response} = error
  if (typeof response !== 'object' || response === null || !('headers' in response))
    return undefined
  const {headers} = response
  if (typeof headers !== 'object' || headers === null || !('retry-after' in headers))
    return undefined
  const seconds = Number(headers['retry-after'])
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined
}
