import {isRecord} from '../../dataset/guards'

/** What one benchmark child reports on its stdout line. */
export interface ChildResult {
  tool: string
  articles: number
  /** Sum of the timed conversion batches, in seconds. */
  seconds: number
  /** UTF-8 bytes of the wire texts, whichever input the tool read. */
  textBytes: number
  /** Bytes of the input the tool actually read (the HTML for block-tools). */
  inputBytes: number
  /** Characters of NDJSON produced, to show the work was done and compare output sizes. */
  outputChars: number
  /** `process.resourceUsage().maxRSS`, in KiB. */
  maxRssKib: number
}

/**
 * Reads the JSON line a benchmark child printed.
 *
 * @param line - the child's stdout, one JSON object
 * @returns the result
 * @throws Error when the line is not a child result
 */
export function parseChildResult(line: string): ChildResult {
  const value: unknown = JSON.parse(line)
  if (!isRecord(value)) throw new Error(`parseChildResult(): not an object: ${line.slice(0, 200)}`)
  const {tool, articles, seconds, textBytes, inputBytes, outputChars, maxRssKib} = value
  if (
    typeof tool !== 'string' ||
    typeof articles !== 'number' ||
    typeof seconds !== 'number' ||
    typeof textBytes !== 'number' ||
    typeof inputBytes !== 'number' ||
    typeof outputChars !== 'number' ||
    typeof maxRssKib !== 'number'
  ) {
    throw new Error(`parseChildResult(): not a child result: ${line.slice(0, 200)}`)
  }
  return {tool, articles, seconds, textBytes, inputBytes, outputChars, maxRssKib}
}
