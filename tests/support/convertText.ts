import {type Conversion, convertSource} from '../../importer'

/**
 * Converts a source given as text, as the importer converts a file of that name.
 *
 * @param fileName - the file's name, which gives the article its id
 * @param text - the file's text
 * @param importedAt - the import time recorded in `source`
 * @returns the conversion
 */
export function convertText(
  fileName: string,
  text: string,
  importedAt = '2024-08-17T00:00:00.000Z',
): Conversion {
  return convertSource(new TextEncoder().encode(text), {
    fileName,
    importedAt,
    importerVersion: 'test',
  })
}
