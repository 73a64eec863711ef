import {spawn} from 'node:child_process'

import {
  checkArgs,
  commandArgs,
  type CommandIo,
  parseCommandLine,
  type ParsedArgs,
  UsageError,
} from '../../cli/command'
import {DEFAULT_DATA_FILE, LOCAL_LAKE_PORT} from '../../settings'
import {startLake} from '../http/startLake'
import {announceLake, withdrawLake} from './lakeFile'
import {LAKE_DEFAULTS, type LakeArgs, parseLakeArgs} from './parseLakeArgs'

/** What `npm run dev` was asked for, read and checked from its arguments and environment. */
export interface DevArgs {
  /** The lake's: dataset file and name, origins let in (the Studio's among them), deadline. */
  lake: Pick<LakeArgs, 'data' | 'dataset' | 'origins' | 'queryTimeoutMs'>
  /** Passed on to `sanity dev`. */
  studio: string[]
}

/** The port `sanity dev` serves the Studio on unless told otherwise. */
const STUDIO_PORT = 3333

/** Usage text of `npm run dev`. */
export const DEV_USAGE = `Usage: npm run dev -- [--port ${STUDIO_PORT}] [--host ADDR] [--data ${DEFAULT_DATA_FILE}]

Starts the local Content Lake on port ${LOCAL_LAKE_PORT} and a Sanity Studio (sanity dev) that
uses it, and stops both together (Ctrl-C).

Options:
  --port N            the Studio's port (default ${STUDIO_PORT}); the lake lets its pages in
  --host ADDR         the interface the Studio listens on (sanity dev --host)
  --data FILE         the lake's dataset file (default LAKE_DATA, else ${DEFAULT_DATA_FILE})
  --origin URL        let another browser page call the lake, as npm run lake does
                      (repeatable; LAKE_ORIGINS takes a comma-separated list)
  --query-timeout S   stop a query running longer than S seconds
                      (default ${LAKE_DEFAULTS.queryTimeoutSeconds})
  -h, --help          show this help

Exit codes: the Studio's when it stops; 1 when the lake could not write the dataset file on
stop (its journal keeps every write); 2 usage error or a lake that cannot start.`

/**
 * Reads `npm run dev -- [options]`, `LAKE_DATA` and the lake's environment, checking every value
 * before anything starts.
 *
 * @param argv - the arguments after the script name
 * @param env - the environment (`LAKE_DATA`, `LAKE_ORIGINS`, `SANITY_STUDIO_DATASET`)
 * @returns the arguments, or a message naming the option or variable that is wrong
 */
export function parseDevArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ParsedArgs<DevArgs> {
  return checkArgs<DevArgs>(() => {
    const {values} = parseCommandLine(argv, {
      'port': {type: 'string'},
      'host': {type: 'string'},
      'data': {type: 'string'},
      'origin': {type: 'string', multiple: true},
      'query-timeout': {type: 'string'},
      'help': {type: 'boolean', short: 'h'},
    })
    if (values.help) return {help: true}
    const port = values.port === undefined ? undefined : Number(values.port)
    if (port !== undefined && !(Number.isInteger(port) && port > 0 && port <= 65_535)) {
      throw new UsageError(`--port must be a port number, not "${values.port}"`)
    }
    // The lake's options are checked as npm run lake checks them.
    const lake = parseLakeArgs(
      [
        '--data',
        values.data ?? (env['LAKE_DATA'] || DEFAULT_DATA_FILE),
        ...(values.origin ?? []).flatMap((origin) => ['--origin', origin]),
        ...(values['query-timeout'] ? ['--query-timeout', values['query-timeout']] : []),
      ],
      env,
    )
    if ('usageError' in lake) throw new UsageError(lake.usageError)
    if ('help' in lake) return lake
    const {data, dataset, origins, queryTimeoutMs} = lake.args
    // A Studio on another port is let in as the default one is.
    const studioOrigins = port ? [`http://localhost:${port}`, `http://127.0.0.1:${port}`] : []
    return {
      args: {
        lake: {data, dataset, origins: [...origins, ...studioOrigins], queryTimeoutMs},
        studio: [
          ...(port ? ['--port', String(port)] : []),
          ...(values.host ? ['--host', values.host] : []),
        ],
      },
    }
  })
}

/**
 * `npm run dev`: the local Content Lake and `sanity dev` pointed at it, stopped together. The
 * arguments are checked before either starts.
 *
 * @param argv - command-line arguments
 * @param io - output, environment and the stop signal (which stops the Studio, then the lake)
 * @returns the exit code: the Studio's; 1 when the lake could not write the dataset file on
 *   stop; 2 for a usage error or a lake that cannot start
 */
export async function devCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const read = commandArgs({name: 'dev', usage: DEV_USAGE}, parseDevArgs(argv, io.env), io)
  if ('exitCode' in read) return read.exitCode
  const {lake: lakeArgs, studio: studioArgs} = read.args
  const {data} = lakeArgs
  let lake
  try {
    lake = await startLake({...lakeArgs, port: LOCAL_LAKE_PORT})
  } catch (error) {
    io.stderr(`dev: ${error instanceof Error ? error.message : String(error)}`)
    return 2
  }
  try {
    await announceLake(data, lake.url)
  } catch (error) {
    io.stderr(`dev: ${error instanceof Error ? error.message : String(error)}`)
    await lake.close()
    return 2
  }
  io.stdout(`Local Content Lake serving ${data} at ${lake.url} (browsers: ${lake.secureUrl})`)
  io.stdout(
    `The lake's certificate is self-signed: open ${lake.secureUrl.replace('://', '://local.')}/v1/ping once and accept it.`,
  )

  const studio = spawn('npx', ['sanity', 'dev', ...studioArgs], {
    stdio: 'inherit',
    env: {...io.env, SANITY_STUDIO_API_HOST: lake.secureUrl},
  })
  const stopStudio = () => studio.kill('SIGTERM')
  io.signal?.addEventListener('abort', stopStudio, {once: true})
  const studioCode = await new Promise<number>((resolve) => {
    studio.once('exit', (code) => resolve(code ?? 0))
    studio.once('error', (error) => {
      io.stderr(`dev: starting sanity dev failed: ${error.message}`)
      resolve(1)
    })
  })
  io.signal?.removeEventListener('abort', stopStudio)
  try {
    await lake.close()
  } catch (error) {
    io.stderr(`dev: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  } finally {
    await withdrawLake(data)
  }
  return studioCode
}
