import {isRecord} from '../../dataset/guards'

/** What the dataset child wrote, as it reports it on its stdout line. */
export interface DatasetSummary {
  articles: number
  /** Articles, people and newsletters: each person and newsletter once. */
  documents: number
  bytes: number
  seconds: number
  /** The slug of the article in the middle of the corpus. */
  middleSlug: string
  /** The slugs of every person in the dataset. */
  personSlugs: string[]
}

/**
 * Reads the JSON line the dataset child printed.
 *
 * @param line - the child's stdout line
 * @returns the summary
 * @throws Error when the line is not a dataset summary
 */
export function parseDatasetSummary(line: string): DatasetSummary {
  const value: unknown = JSON.parse(line)
  if (!isRecord(value))
    throw new Error(`parseDatasetSummary(): not an object: ${line.slice(0, 200)}`)
  const {articles, documents, bytes, seconds, middleSlug, personSlugs} = value
  if (
    typeof articles !== 'number' ||
    typeof documents !== 'number' ||
    typeof bytes !== 'number' ||
    typeof seconds !== 'number' ||
    typeof middleSlug !== 'string' ||
    !Array.isArray(personSlugs) ||
    !personSlugs.every((slug) => typeof slug === 'string')
  ) {
    throw new Error(`parseDatasetSummary(): not a dataset summary: ${line.slice(0, 200)}`)
  }
  return {articles, documents, bytes, seconds, middleSlug, personSlugs}
}
