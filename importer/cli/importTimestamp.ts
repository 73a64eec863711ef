import {UsageError} from './parseImportArgs'

/**
 * The import's timestamp: `SOURCE_DATE_EPOCH` (seconds since 1970) when set, so runs can be
 * reproduced byte for byte, otherwise the current time.
 *
 * @param sourceDateEpoch - the environment variable's value
 * @param now - the current time
 * @returns an ISO 8601 timestamp
 * @throws UsageError when SOURCE_DATE_EPOCH is not a whole number of seconds
 */
export function importTimestamp(sourceDateEpoch: string | undefined, now: Date): string {
  if (sourceDateEpoch === undefined || sourceDateEpoch === '') return now.toISOString()
  if (!/^\d+$/.test(sourceDateEpoch)) {
    throw new UsageError(
      `SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${sourceDateEpoch}"`,
    )
  }
  return new Date(Number(sourceDateEpoch) * 1000).toISOString()
}
