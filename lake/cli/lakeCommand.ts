import {commandArgs, type CommandIo} from '../../cli/command'
import {API_VERSION, LOCAL_PROJECT_ID} from '../../settings'
import {seededRandom} from '../http/seededRandom'
import {startLake} from '../http/startLake'
import {announceLake, withdrawLake} from './lakeFile'
import {LAKE_USAGE, parseLakeArgs} from './parseLakeArgs'

/**
 * `npm run lake`: starts the local Content Lake, prints its URL and serves until stopped.
 *
 * @param argv - command-line arguments
 * @param io - output, environment and the stop signal, without which it serves for good
 * @returns the exit code: 0 after a clean stop; 1 when stopping could not write the dataset file
 *   (its journal keeps every transaction, and the next start replays it); 2 for a usage error or
 *   a lake that cannot start (such as another lake serving the same file)
 */
export async function lakeCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const read = commandArgs({name: 'lake', usage: LAKE_USAGE}, parseLakeArgs(argv, io.env), io)
  if ('exitCode' in read) return read.exitCode
  const {args} = read
  const {data, faults} = args
  let running
  try {
    running = await startLake({
      data,
      dataset: args.dataset,
      port: args.port,
      ...(args.host ? {host: args.host} : {}),
      ...(args.token ? {token: args.token} : {}),
      origins: args.origins,
      queryTimeoutMs: args.queryTimeoutMs,
      ...(faults ? {faults: faults.plan, random: seededRandom(faults.seed)} : {}),
    })
  } catch (error) {
    io.stderr(`lake: ${error instanceof Error ? error.message : String(error)}`)
    return 2
  }
  try {
    await announceLake(data, running.url)
  } catch (error) {
    // Importers find a running lake by its announcement: one they cannot find would be raced.
    io.stderr(`lake: ${error instanceof Error ? error.message : String(error)}`)
    await running.close()
    return 2
  }
  io.stdout(`Local Content Lake serving ${data} at ${running.url}`)
  if (args.origins.length > 0)
    io.stdout(`  browsers may also call it from ${args.origins.join(', ')}`)
  if (faults) io.stdout(`  injecting faults: ${faults.spec}`)
  io.stdout(
    `  @sanity/client: createClient({projectId: '${LOCAL_PROJECT_ID}', dataset: '${args.dataset}', apiHost: '${running.url}', useProjectHostname: false, apiVersion: '${API_VERSION}', useCdn: false})`,
  )
  await stopRequested(io.signal)
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

/** Resolves once `signal` is aborted; never without one. */
function stopRequested(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) resolve()
    else signal?.addEventListener('abort', () => resolve(), {once: true})
  })
}
