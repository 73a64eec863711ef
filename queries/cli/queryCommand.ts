import type {ClientPerspective} from '@sanity/client'

import {
  checkArgs,
  commandArgs,
  type CommandIo,
  parseCommandLine,
  type ParsedArgs,
  UsageError,
} from '../../cli/command'
import {connectLake} from '../../lake/cli/connectLake'
import {DEFAULT_DATA_FILE} from '../../settings'

/** Usage text of `npm run query`. */
export const QUERY_USAGE = `Usage: npm run query -- '<groq>' [--param name=value …] [options]

Runs a GROQ query against the local dataset (through the running lake, or one started for the
query) and prints the result as JSON. Values are JSON when they parse as JSON, text otherwise.

Options:
  --param name=value   a query parameter ($name); repeat for more
  --perspective P      published (default), drafts or raw
  --api-host URL       query the Content Lake at URL instead
  --data FILE          the local dataset (default ${DEFAULT_DATA_FILE})
  -h, --help           show this help

Exit codes: 0 with a result, 1 when the query fails, 2 usage error.`

/** What `npm run query` was asked to run. */
export interface QueryArgs {
  query: string
  params: Record<string, unknown>
  perspective: Extract<ClientPerspective, 'published' | 'drafts' | 'raw'>
  apiHost?: string
  data: string
}

/**
 * Reads `npm run query -- '<groq>' [options]`, checking every value.
 *
 * @param argv - the arguments after the script name
 * @returns the query and its options, or a message naming what is wrong
 */
export function parseQueryArgs(argv: readonly string[]): ParsedArgs<QueryArgs> {
  return checkArgs<QueryArgs>(() => {
    const {values, positionals} = parseCommandLine(
      argv,
      {
        'param': {type: 'string', multiple: true},
        'perspective': {type: 'string'},
        'api-host': {type: 'string'},
        'data': {type: 'string'},
        'help': {type: 'boolean', short: 'h'},
      },
      true,
    )
    if (values.help) return {help: true}
    const [query, ...extra] = positionals
    const perspective = values.perspective ?? 'published'
    if (!query) throw new UsageError('a GROQ query is required')
    if (extra.length > 0) throw new UsageError(`one query at a time (got also "${extra[0]}")`)
    if (!isPerspective(perspective)) {
      throw new UsageError(`--perspective must be published, drafts or raw, not "${perspective}"`)
    }
    return {
      args: {
        query,
        params: readParams(values.param ?? []),
        perspective,
        ...(values['api-host'] ? {apiHost: values['api-host']} : {}),
        data: values.data ?? DEFAULT_DATA_FILE,
      },
    }
  })
}

/**
 * `npm run query`: a GROQ query from the command line, for developers exploring the data.
 *
 * @param argv - command-line arguments
 * @param io - output and environment
 * @returns the exit code: 0 with a result, 1 when the query fails, 2 for a usage error
 */
export async function queryCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const read = commandArgs({name: 'query', usage: QUERY_USAGE}, parseQueryArgs(argv), io)
  if ('exitCode' in read) return read.exitCode
  const {query, params, perspective, apiHost, data} = read.args
  const connection = await connectLake({data, env: io.env, ...(apiHost ? {apiHost} : {})})
  try {
    const result: unknown = await connection.client.fetch(query, params, {perspective})
    io.stdout(JSON.stringify(result, null, 2))
    return 0
  } catch (error) {
    io.stderr(`query: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  } finally {
    await connection.close()
  }
}

/** `--param name=value` pairs as query parameters. */
function readParams(pairs: readonly string[]): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const pair of pairs) {
    const separator = pair.indexOf('=')
    if (separator <= 0) throw new UsageError(`--param takes name=value, not "${pair}"`)
    params[pair.slice(0, separator)] = parseValue(pair.slice(separator + 1))
  }
  return params
}

function parseValue(value: string): unknown {
  try {
    return JSON.parse(value)
  } catch {
    return value
  }
}

function isPerspective(value: string): value is QueryArgs['perspective'] {
  return value === 'published' || value === 'drafts' || value === 'raw'
}
