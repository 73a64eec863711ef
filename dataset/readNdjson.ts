import type {SanityDocument} from '@sanity/client'

import type {ReadLinesOptions} from './readLines'
import {streamNdjson} from './streamNdjson'

/**
 * Reads an NDJSON dataset (`sanity dataset export` format), one document per line. A missing
 * file is an empty dataset. Reads line by line (see {@link streamNdjson}), so only the
 * documents, not the file's text, need to fit in memory.
 *
 * @param path - the dataset file
 * @param options - the read size
 * @returns its documents
 * @throws Error naming the file and line of a line that is not a document
 */
export async function readNdjson(
  path: string,
  options: ReadLinesOptions = {},
): Promise<SanityDocument[]> {
  const documents: SanityDocument[] = []
  for await (const document of streamNdjson(path, options)) documents.push(document)
  return documents
}
