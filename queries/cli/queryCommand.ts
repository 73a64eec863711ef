import {parseArgs} from 'node:util'

import type {ClientPerspective} from '@sanity/client'

import {connectLake} from '../../lake/cli/connectLake'

/** Usage text of `npm run query`. */
export const QUERY_USAGE = `Usage: npm run query -- '<groq>' [--param name=value …] [options]

Runs a GROQ query against the local dataset (through the running lake, or one started for the
query) and prints the result as JSON. Values are JSON when they parse as JSON, text otherwise.

Options:
  --param name=value   a query parameter ($name); repeat for more
  --perspective P      published (default), drafts or raw
  --api-host URL       query the Content Lake at URL instead
  --data FILE          the local dataset (default data/production.ndjson)`

/** Output streams and environment of a command. */
export interface CommandOutput {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: Readonly<Record<string, string | undefined>>
}

/**
 * `npm run query`: a GROQ query from the command line, for developers exploring the data.
 *
 * @param argv - command-line arguments
 * @param io - output and environment
 * @returns the exit code: 0 with a result, 1 when the query fails, 2 for a usage error
 */
export async function queryCommand(argv: readonly string[], io: CommandOutput): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'param': {type: 'string', multiple: true},
        'perspective': {type: 'string'},
        'api-host': {type: 'string'},
        'data': {type: 'string'},
        'help': {type: 'boolean', short: 'h'},
      },
    })
  } catch (error) {
    io.stderr(`query: ${error instanceof Error ? error.message : String(error)}\n\n${QUERY_USAGE}`)
    return 2
  }
  const {values, positionals} = parsed
  if (values.help) {
    io.stdout(QUERY_USAGE)
    return 0
  }
  const usage = (problem: string) => {
    io.stderr(`query: ${problem}\n\n${QUERY_USAGE}`)
    return 2
  }
  const [query, ...extra] = positionals
  const perspective = values.perspective ?? 'published'
  const params = readParams(values.param ?? [])
  if (!query) return usage('a GROQ query is required')
  if (extra.length > 0) return usage(`one query at a time (got also "${extra[0]}")`)
  if (!isPerspective(perspective)) {
    return usage(`--perspective must be published, drafts or raw, not "${perspective}"`)
  }
  if (typeof params === 'string') return usage(params)
  const connection = await connectLake({
    data: values.data ?? 'data/production.ndjson',
    env: io.env,
    ...(values['api-host'] ? {apiHost: values['api-host']} : {}),
  })
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

function readParams(pairs: readonly string[]): Record<string, unknown> | string {
  const params: Record<string, unknown> = {}
  for (const pair of pairs) {
    const separator = pair.indexOf('=')
    if (separator <= 0) return `--param takes name=value, not "${pair}"`
    const value = pair.slice(separator + 1)
    params[pair.slice(0, separator)] = parseValue(value)
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

function isPerspective(
  value: string,
): value is Extract<ClientPerspective, 'published' | 'drafts' | 'raw'> {
  return value === 'published' || value === 'drafts' || value === 'raw'
}
