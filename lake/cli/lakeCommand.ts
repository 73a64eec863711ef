import {seededRandom} from '../http/seededRandom'
import {startLake} from '../startLake'
import {announceLake, withdrawLake} from './lakeFile'
import {LAKE_USAGE, parseLakeArgs} from './parseLakeArgs'

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
  const parsed = parseLakeArgs(argv, io.env)
  if ('usageError' in parsed) {
    io.stderr(`lake: ${parsed.usageError}\n\n${LAKE_USAGE}`)
    return 2
  }
  const {args} = parsed
  if (args.help) {
    io.stdout(LAKE_USAGE)
    return 0
  }
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
    `  @sanity/client: createClient({projectId: 'local', dataset: '${args.dataset}', apiHost: '${running.url}', useProjectHostname: false, apiVersion: '2025-02-19', useCdn: false})`,
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
