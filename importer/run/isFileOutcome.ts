import {isRecord} from '../../dataset/isRecord'
import type {FileOutcome} from './decideFiles'

/**
 * Whether a value read back from a spool is a file's outcome: its shape, not every field.
 *
 * @param value - a parsed spool line
 * @returns true for a file outcome
 */
export function isFileOutcome(value: unknown): value is FileOutcome {
  return (
    isRecord(value) &&
    typeof value['fileName'] === 'string' &&
    typeof value['status'] === 'string' &&
    Array.isArray(value['review']) &&
    Array.isArray(value['notes']) &&
    Array.isArray(value['errors'])
  )
}
