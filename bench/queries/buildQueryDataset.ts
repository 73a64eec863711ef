import {childReport} from '../process/childReport'
import {runNode} from '../process/runNode'
import {type DatasetSummary, parseDatasetSummary} from './parseDatasetSummary'

/**
 * Writes the dataset of an `articles`-article corpus to an NDJSON file, as the importer would
 * store it, in a child process (at 100,000 articles the articles alone take gigabytes).
 *
 * @param file - the dataset file to write
 * @param articles - corpus size
 * @returns what was written, with the child's peak memory in MiB
 */
export async function buildQueryDataset(
  file: string,
  articles: number,
): Promise<DatasetSummary & {peakRssMb: number}> {
  const child = runNode('bench/queries/datasetChild.ts', ['--n', String(articles), '--out', file])
  const line = await childReport(child, `the dataset child (${articles} articles)`)
  return {...parseDatasetSummary(line), peakRssMb: child.peakRssMb()}
}
