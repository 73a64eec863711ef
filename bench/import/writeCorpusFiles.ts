import {mkdir, writeFile} from 'node:fs/promises'
import {join} from 'node:path'

import {generateCorpus} from '../../corpus/generateCorpus'

/**
 * Writes `count` corpus articles as `.txt` files into a folder, as a wire archive arrives.
 *
 * @param folder - created if missing
 * @param count - how many articles
 * @returns the total size of the files, in bytes
 */
export async function writeCorpusFiles(folder: string, count: number): Promise<number> {
  await mkdir(folder, {recursive: true})
  let bytes = 0
  for (const {fileName, text} of generateCorpus(count)) {
    await writeFile(join(folder, fileName), text)
    bytes += Buffer.byteLength(text)
  }
  return bytes
}
