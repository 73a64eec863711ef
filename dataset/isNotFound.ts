/**
 * Tells a missing-file error (`ENOENT`) from other file system errors.
 *
 * @param error - what a file system call threw
 * @returns true when the file does not exist
 */
export function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT'
}
