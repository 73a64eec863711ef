import {createClient} from '@sanity/client'

import {findRunningLake} from '../../lake/cli/lakeFile'
import {startLake} from '../../lake/startLake'
import {clientTarget} from '../write/clientTarget'
import type {ImportTarget} from '../write/ImportTarget'
import {ndjsonExportTarget} from '../write/ndjsonExportTarget'
import type {ImportArgs} from './parseImportArgs'

const API_VERSION = '2025-02-19'

/** A target and what to do when the run is over. */
export interface ResolvedTarget {
  target: ImportTarget
  close: () => Promise<void>
}

/**
 * Picks where documents go: `--ndjson FILE`; a lake at `--api-host`; the hosted project when
 * `SANITY_STUDIO_PROJECT_ID` and a write token are set; otherwise the local lake serving
 * `--data` — the running one (`npm run lake`) or one started in-process for this run.
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
  const nothing = async () => undefined
  if (args.ndjson) return {target: ndjsonExportTarget(args.ndjson), close: nothing}
  const projectId = env['SANITY_STUDIO_PROJECT_ID'] || 'local'
  const dataset = env['SANITY_STUDIO_DATASET'] || 'production'
  const token = env['SANITY_API_WRITE_TOKEN'] || env['SANITY_AUTH_TOKEN']
  const config = {
    projectId,
    dataset,
    apiVersion: API_VERSION,
    useCdn: false,
    ...(token ? {token} : {}),
  }

  if (args.apiHost) {
    const client = createClient({...config, apiHost: args.apiHost, useProjectHostname: false})
    return {target: clientTarget(client, `${args.apiHost} (${dataset})`), close: nothing}
  }
  if (projectId !== 'local' && token) {
    const client = createClient(config)
    return {
      target: clientTarget(client, `project ${projectId}, dataset ${dataset}`),
      close: nothing,
    }
  }
  const running = await findRunningLake(args.data)
  if (running) {
    const client = createClient({...config, apiHost: running, useProjectHostname: false})
    return {target: clientTarget(client, `${args.data} via the lake at ${running}`), close: nothing}
  }
  const lake = await startLake({data: args.data, port: 0, clock: () => new Date(timestamp)})
  const client = createClient({...config, apiHost: lake.url, useProjectHostname: false})
  return {target: clientTarget(client, args.data), close: lake.close}
}
