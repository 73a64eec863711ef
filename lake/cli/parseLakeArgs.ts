import {checkArgs, parseCommandLine, type ParsedArgs, UsageError} from '../../cli/command'
import {
  DEFAULT_DATA_FILE,
  DEFAULT_DATASET_NAME,
  LOCAL_LAKE_PORT,
  readSettings,
} from '../../settings'
import {type FaultPlan, parseFaults} from '../http/parseFaults'

/** What `npm run lake` was asked to serve, read and checked from its arguments and environment. */
export interface LakeArgs {
  port: number
  data: string
  dataset: string
  host?: string
  /** From `LAKE_TOKEN`: required of every request when set. */
  token?: string
  /** Browser origins let in besides the Studio's dev server, from `--origin` and `LAKE_ORIGINS`. */
  origins: string[]
  queryTimeoutMs: number
  /** From `LAKE_FAULTS`, with `LAKE_FAULTS_SEED` (or the clock) seeding it. */
  faults?: {spec: string; plan: FaultPlan; seed: number}
}

/** Defaults of `npm run lake`; the dataset name is `SANITY_STUDIO_DATASET`'s when set. */
export const LAKE_DEFAULTS = {
  port: LOCAL_LAKE_PORT,
  data: DEFAULT_DATA_FILE,
  dataset: DEFAULT_DATASET_NAME,
  queryTimeoutSeconds: 20,
} as const

/** The longest query deadline accepted: an hour. */
const MAX_QUERY_TIMEOUT_SECONDS = 3_600

/** Usage text of `npm run lake`. */
export const LAKE_USAGE = `Usage: npm run lake -- [--port ${LAKE_DEFAULTS.port}] [--data ${LAKE_DEFAULTS.data}] [--dataset ${LAKE_DEFAULTS.dataset}]

Serves the local dataset over the Content Lake HTTP API on 127.0.0.1, for Sanity Studio,
@sanity/client and the importer. No account or network is needed.

Options:
  --port N            port to listen on (default ${LAKE_DEFAULTS.port})
  --data FILE         dataset file (default ${LAKE_DEFAULTS.data})
  --dataset NAME      dataset name clients use (default SANITY_STUDIO_DATASET, else
                      ${LAKE_DEFAULTS.dataset}, as the Studio's)
  --origin URL        let a browser page on URL call the lake, e.g. a Studio on another port
                      (repeatable; LAKE_ORIGINS takes a comma-separated list). The Studio's dev
                      server, http://localhost:3333 and http://127.0.0.1:3333, always may.
  --query-timeout S   stop a query running longer than S seconds with a 504
                      (default ${LAKE_DEFAULTS.queryTimeoutSeconds})
  --host ADDR         interface to bind (default 127.0.0.1); any other needs LAKE_TOKEN set,
                      and every request must then send it as a bearer token
  -h, --help          show this help

For testing clients, LAKE_FAULTS injects faults into data requests, e.g.
LAKE_FAULTS=429:0.2,500:0.05,reset:0.02,latency:50-300 (LAKE_FAULTS_SEED repeats a run).

Exit codes: 0 stopped cleanly, 1 stopped without writing the dataset file (its journal keeps
every write), 2 usage error or a lake that cannot start.`

/**
 * Reads `npm run lake -- [options]` and the `LAKE_*` environment, checking every value.
 *
 * @param argv - the arguments after the script name
 * @param env - the environment (`LAKE_TOKEN`, `LAKE_ORIGINS`, `LAKE_FAULTS`, `LAKE_FAULTS_SEED`,
 *   and `SANITY_STUDIO_DATASET` for the default dataset name)
 * @returns the arguments, or a message naming the option or variable that is wrong
 */
export function parseLakeArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ParsedArgs<LakeArgs> {
  return checkArgs<LakeArgs>(() => {
    const {values} = parseCommandLine(argv, {
      'port': {type: 'string'},
      'data': {type: 'string'},
      'dataset': {type: 'string'},
      'host': {type: 'string'},
      'origin': {type: 'string', multiple: true},
      'query-timeout': {type: 'string'},
      'help': {type: 'boolean', short: 'h'},
    })
    if (values.help) return {help: true}
    const port = Number(values.port ?? LAKE_DEFAULTS.port)
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      throw new UsageError(`--port must be a port number, not "${values.port}"`)
    }
    const timeout = Number(values['query-timeout'] ?? LAKE_DEFAULTS.queryTimeoutSeconds)
    if (!(timeout > 0 && timeout <= MAX_QUERY_TIMEOUT_SECONDS)) {
      throw new UsageError(
        `--query-timeout takes seconds, above 0 and at most ${MAX_QUERY_TIMEOUT_SECONDS}, not "${values['query-timeout']}"`,
      )
    }
    const origins = readOrigins(values.origin ?? [], env)
    const faults = readFaults(env)
    const token = env['LAKE_TOKEN']
    return {
      args: {
        port,
        data: values.data ?? LAKE_DEFAULTS.data,
        dataset: values.dataset ?? readSettings(env).dataset,
        ...(values.host ? {host: values.host} : {}),
        ...(token ? {token} : {}),
        origins,
        queryTimeoutMs: timeout * 1000,
        ...(faults ? {faults} : {}),
      },
    }
  })
}

/** The browser origins of `--origin` and `LAKE_ORIGINS`, each checked. */
function readOrigins(
  flags: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  const given = [
    ...flags.map((origin) => ({origin, from: '--origin'})),
    ...(env['LAKE_ORIGINS'] ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean)
      .map((origin) => ({origin, from: 'LAKE_ORIGINS'})),
  ]
  return given.map(({origin, from}) => {
    const checked = readOrigin(origin)
    if (!checked) {
      throw new UsageError(
        `${from}: "${origin}" is not an origin; give scheme, host and port only, such as http://localhost:5173`,
      )
    }
    return checked
  })
}

/** The faults `LAKE_FAULTS` asks for, seeded by `LAKE_FAULTS_SEED` or the clock. */
function readFaults(env: Readonly<Record<string, string | undefined>>): LakeArgs['faults'] {
  const spec = env['LAKE_FAULTS']
  if (!spec) return undefined
  const seed = Number(env['LAKE_FAULTS_SEED'] ?? Date.now())
  if (!Number.isInteger(seed)) {
    throw new UsageError(`LAKE_FAULTS_SEED takes a whole number, not "${env['LAKE_FAULTS_SEED']}"`)
  }
  try {
    return {spec, plan: parseFaults(spec), seed}
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}

/**
 * The origin a browser sends for pages at a URL (`http://localhost:5173`), or undefined when the
 * value is not an http(s) origin alone: a path, query or credentials would never match one.
 */
function readOrigin(value: string): string | undefined {
  let url
  try {
    url = new URL(value)
  } catch {
    return undefined
  }
  const bare = value.replace(/\/$/, '').toLowerCase()
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  return url.origin === bare ? url.origin : undefined
}
