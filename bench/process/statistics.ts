/**
 * The median of some measurements.
 *
 * @param values - at least one number
 * @returns the middle value (the mean of the two middle ones for an even count)
 */
export function median(values: readonly number[]): number {
  return percentile(values, 50)
}

/**
 * A percentile by linear interpolation between the closest ranks.
 *
 * @param values - at least one number
 * @param p - from 0 to 100
 * @returns the value below which `p` percent of the measurements fall
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile(): no values')
  const sorted = [...values].sort((a, b) => a - b)
  const rank = ((sorted.length - 1) * p) / 100
  const low = Math.floor(rank)
  const lower = sorted[low] ?? 0
  const upper = sorted[Math.min(low + 1, sorted.length - 1)] ?? lower
  return lower + (upper - lower) * (rank - low)
}
