// Type guards the dataset code and its readers share: a leaf that imports nothing.

/**
 * Narrows a parsed JSON value to an object (not an array, not null).
 *
 * @param value - anything
 * @returns true for a plain object
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Tells a missing-file error (`ENOENT`) from other file system errors.
 *
 * @param error - what a file system call threw
 * @returns true when the file does not exist
 */
export function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT'
}
