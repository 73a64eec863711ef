/**
 * Narrows a parsed JSON value to an object (not an array, not null).
 *
 * @param value - anything
 * @returns true for a plain object
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
