import {isRecord} from '../../dataset/isRecord'

/** One query's measurements in the groq-js child. */
export interface GroqJsCaseTimings {
  name: string
  /** Wall time of each timed run, in milliseconds. */
  timesMs: number[]
  /** The query's result (from the warm-up run), to compare with the lake's. */
  result: unknown
}

/** What the groq-js child reports on its stdout line. */
export interface GroqJsTimings {
  documents: number
  /** Time to read the NDJSON file into memory, untimed in the query measurements. */
  loadSeconds: number
  cases: GroqJsCaseTimings[]
}

/**
 * Reads the JSON line the groq-js child printed.
 *
 * @param line - the child's stdout line
 * @returns its timings and results
 * @throws Error when the line is not a groq-js child's report
 */
export function parseGroqJsTimings(line: string): GroqJsTimings {
  const value: unknown = JSON.parse(line)
  const fail = () => new Error(`parseGroqJsTimings(): not groq-js timings: ${line.slice(0, 200)}`)
  if (!isRecord(value)) throw fail()
  const {documents, loadSeconds, cases} = value
  if (typeof documents !== 'number' || typeof loadSeconds !== 'number' || !Array.isArray(cases)) {
    throw fail()
  }
  const parsed = cases.map((item: unknown): GroqJsCaseTimings => {
    if (!isRecord(item)) throw fail()
    const {name, timesMs, result} = item
    if (
      typeof name !== 'string' ||
      !Array.isArray(timesMs) ||
      !timesMs.every((time) => typeof time === 'number')
    ) {
      throw fail()
    }
    return {name, timesMs, result}
  })
  return {documents, loadSeconds, cases: parsed}
}
