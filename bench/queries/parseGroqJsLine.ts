import {isRecord} from '../../dataset/guards'
import type {CaseTimings} from './CaseTimings'

/**
 * A line the groq-js child prints: the dataset loaded, a run about to start (so the parent can
 * give up on one that takes too long), or a query measured.
 */
export type GroqJsLine =
  | {type: 'loaded'; documents: number; loadSeconds: number}
  | {type: 'run'; name: string}
  | {type: 'case'; timings: Extract<CaseTimings, {status: 'measured'}>}

/**
 * Reads one line the groq-js child printed.
 *
 * @param line - a stdout line, one JSON object
 * @returns what it reports
 * @throws Error when the line is none of the child's lines
 */
export function parseGroqJsLine(line: string): GroqJsLine {
  const value: unknown = JSON.parse(line)
  const fail = () => new Error(`parseGroqJsLine(): not a groq-js child line: ${line.slice(0, 200)}`)
  if (!isRecord(value)) throw fail()
  const {type, documents, loadSeconds, name, timings} = value
  if (type === 'loaded' && typeof documents === 'number' && typeof loadSeconds === 'number') {
    return {type, documents, loadSeconds}
  }
  if (type === 'run' && typeof name === 'string') return {type, name}
  if (type !== 'case' || !isRecord(timings)) throw fail()
  const {name: caseName, warmUpMs, timesMs, result} = timings
  if (
    typeof caseName === 'string' &&
    typeof warmUpMs === 'number' &&
    Array.isArray(timesMs) &&
    timesMs.every((time) => typeof time === 'number')
  ) {
    return {type, timings: {name: caseName, status: 'measured', warmUpMs, timesMs, result}}
  }
  throw fail()
}
