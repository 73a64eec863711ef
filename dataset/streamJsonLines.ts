import {readLines, type ReadLinesOptions} from './readLines'

/**
 * Reads a file of one JSON value per line, one value at a time, never holding the whole file.
 * Blank lines are skipped; a missing file has no values.
 *
 * @param path - the file
 * @param isItem - checks each value's shape
 * @param item - what a value should be, for the error: `a document (no _id/_type)`
 * @param options - the read size
 * @returns its values, in file order
 * @throws Error naming the file and line of a line that is not JSON or not an item
 */
export async function* streamJsonLines<T>(
  path: string,
  isItem: (value: unknown) => value is T,
  item: string,
  options: ReadLinesOptions = {},
): AsyncGenerator<T, void, undefined> {
  let number = 0
  for await (const line of readLines(path, options)) {
    number++
    if (line.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      throw new Error(`${path}:${number}: not valid JSON`)
    }
    if (!isItem(value)) throw new Error(`${path}:${number}: not ${item}`)
    yield value
  }
}
