import {convertSource} from '../../importer/convert/convertSource'

/**
 * This importer's conversion of one wire file, down to the NDJSON a Content Lake would receive:
 * the article, the people it credits and the newsletter its signup refers to.
 *
 * @param bytes - the UTF-8 file as it arrived
 * @param fileName - the file's name (`.txt`: plain wire text)
 * @returns one JSON line per document, joined by newlines
 */
export function newsroomNdjson(bytes: Uint8Array, fileName: string): string {
  const {documents} = convertSource(bytes, {
    fileName,
    importedAt: '2024-01-01T00:00:00Z',
    importerVersion: 'bench',
  })
  const {article, persons, newsletter} = documents
  const lines = [JSON.stringify(article), ...persons.map((person) => JSON.stringify(person))]
  if (newsletter) lines.push(JSON.stringify(newsletter))
  return lines.join('\n')
}
