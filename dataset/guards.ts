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
 * Whether a system call failed with a given code, such as `EEXIST` or `EPERM`.
 *
 * @param error - what a file system or process call threw
 * @param code - the Node.js error code
 * @returns true when the error carries that code
 */
export function hasErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code
}

/**
 * Tells a missing-file error (`ENOENT`) from other file system errors.
 *
 * @param error - what a file system call threw
 * @returns true when the file does not exist
 */
export function isNotFound(error: unknown): boolean {
  return hasErrorCode(error, 'ENOENT')
}
