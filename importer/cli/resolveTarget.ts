import {connectLake} from '../../lake/cli/connectLake'
import {clientTarget} from '../write/clientTarget'
import type {ImportTarget} from '../write/ImportTarget'
import {ndjsonExportTarget} from '../write/ndjsonExportTarget'
import type {ImportArgs} from './parseImportArgs'

/** A target and what to do when the run is over. */
export interface ResolvedTarget {
  target: ImportTarget
  close: () => Promise<void>
}

/**
 * Picks where documents go: `--ndjson FILE`, or the Content Lake {@link connectLake} finds —
 * `--api-host`, a hosted project, the running local lake, or one started for this run.
 *
 * @param args - the command line
 * @param env - the environment (project, dataset and token variables)
 * @param timestamp - the import's time, stamped by an in-process lake
 * @returns the target
 */
export async function resolveTarget(
  args: ImportArgs,
  env: Readonly<Record<string, string | undefined>>,
  timestamp: string,
): Promise<ResolvedTarget> {
  if (args.ndjson) return {target: ndjsonExportTarget(args.ndjson), close: async () => undefined}
  const {client, description, close, hosted} = await connectLake({
    data: args.data,
    env,
    clock: () => new Date(timestamp),
    // The target retries every request itself, within --max-retries and each Retry-After.
    clientRetries: 0,
    ...(args.apiHost ? {apiHost: args.apiHost} : {}),
  })
  // The hosted lake allows 25 mutation requests a second; the local one has no limit to respect.
  const rate = args.rate ?? (hosted ? 20 : Number.POSITIVE_INFINITY)
  const target = clientTarget(client, description, {rate, maxRetries: args.maxRetries})
  return {target, close}
}
