import {readLines} from '../../dataset/readLines'

/**
 * Counts the non-empty lines of a file (documents in an NDJSON file), reading it in chunks.
 *
 * @param path - the file; a missing one has none
 * @returns the count
 */
export async function countLines(path: string): Promise<number> {
  let count = 0
  for await (const line of readLines(path)) if (line !== '') count++
  return count
}
