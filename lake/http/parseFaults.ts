/** Faults a lake injects into data requests, for testing clients against a failing network. */
export interface FaultPlan {
  /** Probability of answering 429 Too Many Requests (with `Retry-After`). */
  tooManyRequests: number
  /** Probability of answering 500 before doing anything. */
  serverError: number
  /** Probability of doing the request, then dropping the connection before the answer. */
  reset: number
  /** Delay before each request is handled, in milliseconds: `[min, max]`. */
  latency: [number, number]
}

/**
 * Reads a fault plan such as `429:0.2,500:0.05,reset:0.02,latency:50-300` (the format of
 * `LAKE_FAULTS`).
 *
 * @param spec - comma-separated `kind:value` pairs
 * @returns the plan; kinds not named are off
 * @throws Error naming the part that is not understood
 */
export function parseFaults(spec: string): FaultPlan {
  const plan: FaultPlan = {tooManyRequests: 0, serverError: 0, reset: 0, latency: [0, 0]}
  for (const part of spec
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const [kind, value = ''] = part.split(':')
    const probability = Number(value)
    const isProbability = value !== '' && probability >= 0 && probability <= 1
    if (kind === 'latency') {
      const match = /^(\d+)(?:-(\d+))?$/.exec(value)
      if (!match)
        throw new Error(`LAKE_FAULTS: "${part}" should be latency:MIN-MAX in milliseconds`)
      const min = Number(match[1])
      plan.latency = [min, Number(match[2] ?? min)]
    } else if (!isProbability) {
      throw new Error(
        `LAKE_FAULTS: "${part}" should be KIND:PROBABILITY with a probability from 0 to 1`,
      )
    } else if (kind === '429') plan.tooManyRequests = probability
    else if (kind === '500') plan.serverError = probability
    else if (kind === 'reset') plan.reset = probability
    else throw new Error(`LAKE_FAULTS: unknown fault "${kind}" (known: 429, 500, reset, latency)`)
  }
  return plan
}
