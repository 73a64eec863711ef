import {parseArgs} from 'node:util'

import {parseFaults} from '../http/parseFaults'
import {seededRandom} from '../http/seededRandom'
import {startLake} from '../startLake'
import {announceLake, withdrawLake} from './lakeFile'

/** Usage text of `npm run lake`. */
export const LAKE_USAGE = `Usage: npm run lake -- [--port 3334] [--data data/production.ndjson] [--dataset production]

Serves the local dataset over the Content Lake HTTP API on 127.0.0.1, for Sanity Studio,
@sanity/client and the importer. No account or network is needed.

Options:
  --port N        port to listen on (default 3334)
  --data FILE     dataset file (default data/production.ndjson)
  --dataset NAME  dataset name clients use (default production)
  --host ADDR     interface to bind (default 127.0.0.1); any other needs LAKE_TOKEN set,
                  and every request must then send it as a bearer token

For testing clients, LAKE_FAULTS injects faults into data requests, e.g.
LAKE_FAULTS=429:0.2,500:0.05,reset:0.02,latency:50-300 (LAKE_FAULTS_SEED repeats a run).`

/** The terminal and environment the lake runs in. */
export interface LakeIo {
  stdout: (line: string) => void
  stderr: (line: string) => void
  env: Readonly<Record<string, string | undefined>>
  /** Resolves when the process is asked to stop (Ctrl-C, SIGTERM). */
  stopped: Promise<void>
}

/**
 * `npm run lake`: starts the local Content Lake, prints its URL and serves until stopped.
 *
 * @param argv - command-line arguments
 * @param io - output, environment and the stop signal
 * @returns the exit code: 0 after a clean stop; 1 when stopping could not write the dataset file
 *   (its journal keeps every transaction, and the next start replays it); 2 for a usage error or
 *   a lake that cannot start (such as another lake serving the same file)
 */
export async function lakeCommand(argv: readonly string[], io: LakeIo): Promise<number> {
  let values
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        port: {type: 'string'},
        data: {type: 'string'},
        dataset: {type: 'string'},
        host: {type: 'string'},
        help: {type: 'boolean', short: 'h'},
      },
    }).values
  } catch (error) {
    io.stderr(`lake: ${error instanceof Error ? error.message : String(error)}\n\n${LAKE_USAGE}`)
    return 2
  }
  if (values.help) {
    io.stdout(LAKE_USAGE)
    return 0
  }
  const port = Number(values.port ?? '3334')
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr(`lake: --port must be a port number, not "${values.port}"`)
    return 2
  }
  const data = values.data ?? 'data/production.ndjson'
  const token = io.env['LAKE_TOKEN']
  const faultSpec = io.env['LAKE_FAULTS']
  let running
  try {
    const faults = faultSpec ? parseFaults(faultSpec) : undefined
    running = await startLake({
      ...(faults
        ? {faults, random: seededRandom(Number(io.env['LAKE_FAULTS_SEED'] ?? Date.now()))}
        : {}),
      data,
      port,
      ...(values.dataset ? {dataset: values.dataset} : {}),
      ...(values.host ? {host: values.host} : {}),
      ...(token ? {token} : {}),
    })
  } catch (error) {
    io.stderr(`lake: ${error instanceof Error ? error.message : String(error)}`)
    return 2
  }
  await announceLake(data, running.url)
  io.stdout(`Local Content Lake serving ${data} at ${running.url}`)
  if (faultSpec) io.stdout(`  injecting faults: ${faultSpec}`)
  io.stdout(
    `  @sanity/client: createClient({projectId: 'local', dataset: '${values.dataset ?? 'production'}', apiHost: '${running.url}', useProjectHostname: false, apiVersion: '2025-02-19', useCdn: false})`,
  )
  await io.stopped
  try {
    await running.close()
  } catch (error) {
    // One line, not a stack trace: the journal still holds every write.
    io.stderr(`lake: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  } finally {
    await withdrawLake(data)
  }
  io.stdout('Local Content Lake stopped; dataset written.')
  return 0
}
