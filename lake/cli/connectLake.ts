import {createClient, type SanityClient} from '@sanity/client'

import {API_VERSION, DEFAULT_DATASET_NAME, LOCAL_PROJECT_ID, readSettings} from '../../settings'
import {findRunningLake} from './lakeFile'

/** How to reach a Content Lake. */
export interface ConnectOptions {
  /** The local dataset file. */
  data: string
  /** A lake's URL, overriding everything else. */
  apiHost?: string
  /** `SANITY_STUDIO_PROJECT_ID`, `SANITY_STUDIO_DATASET`, `SANITY_API_WRITE_TOKEN`… */
  env: Readonly<Record<string, string | undefined>>
  /** Time an in-process lake stamps on writes. */
  clock?: () => Date
  /**
   * Retries `@sanity/client` makes of its own, of reads answered 429, 502 or 503 (its default:
   * 5). A caller that retries every request itself passes 0, so its own limit holds.
   */
  clientRetries?: number
}

/** A client and what to do when done with it. */
export interface LakeConnection {
  client: SanityClient
  /** Where the client points, for reports. */
  description: string
  /** Whether it is a hosted project rather than a local lake. */
  hosted: boolean
  close: () => Promise<void>
}

/** Which project and dataset a {@link localClient} names, and its token. */
export interface LocalClientOptions {
  /** The project id the lake answers for; {@link LOCAL_PROJECT_ID} by default. */
  projectId?: string
  /** {@link DEFAULT_DATASET_NAME} by default. */
  dataset?: string
  token?: string
  /** The client's own retries of failed reads; `@sanity/client`'s default when absent. */
  maxRetries?: number
}

/**
 * A `@sanity/client` for a lake at a URL, such as the local lake, configured exactly as the
 * README documents for Node.
 *
 * @param apiHost - the lake's URL
 * @param options - the project, dataset and token, when not the defaults
 * @returns the client
 */
export function localClient(apiHost: string, options: LocalClientOptions = {}): SanityClient {
  const {projectId = LOCAL_PROJECT_ID, dataset = DEFAULT_DATASET_NAME, token, maxRetries} = options
  return createClient({
    projectId,
    dataset,
    apiHost,
    useProjectHostname: false,
    apiVersion: API_VERSION,
    useCdn: false,
    ...(token ? {token} : {}),
    ...(maxRetries === undefined ? {} : {maxRetries}),
  })
}

/**
 * A `@sanity/client` for the Content Lake the tools should use: the lake at `apiHost`; the
 * hosted project when `SANITY_STUDIO_PROJECT_ID` and a token are set; the lake already serving
 * `data` (`npm run lake`, `npm run dev`); or, failing those, a lake started in-process over
 * `data` and stopped by `close`.
 *
 * @param options - the dataset file, an optional URL, the environment and clock
 * @returns the connection
 */
export async function connectLake(options: ConnectOptions): Promise<LakeConnection> {
  const {env, data, clientRetries} = options
  const nothing = async () => undefined
  const {projectId, dataset, token, hosted} = readSettings(env)
  const retries = clientRetries === undefined ? {} : {maxRetries: clientRetries}
  const local = (apiHost: string) =>
    localClient(apiHost, {projectId, dataset, ...(token ? {token} : {}), ...retries})

  if (options.apiHost) {
    if (token && !mayCarryToken(options.apiHost)) {
      throw new Error(
        `connectLake(): ${options.apiHost} is neither HTTPS nor on this machine; the write token is sent only to those`,
      )
    }
    return {
      client: local(options.apiHost),
      description: `${options.apiHost} (${dataset})`,
      hosted: false,
      close: nothing,
    }
  }
  if (hosted && token) {
    return {
      client: createClient({
        projectId,
        dataset,
        apiVersion: API_VERSION,
        useCdn: false,
        ...(token ? {token} : {}),
        ...retries,
      }),
      description: `project ${projectId}, dataset ${dataset}`,
      hosted: true,
      close: nothing,
    }
  }
  const running = await findRunningLake(data)
  if (running)
    return {
      client: local(running),
      description: `${data} via the lake at ${running}`,
      hosted: false,
      close: nothing,
    }
  // Loaded only here: an import into a running or hosted lake never pays for the lake's code.
  const {startLake} = await import('../http/startLake')
  const lake = await startLake({
    data,
    dataset,
    port: 0,
    ...(options.clock ? {clock: options.clock} : {}),
  })
  return {client: local(lake.url), description: data, hosted: false, close: lake.close}
}

/**
 * Whether a lake's address may be sent the write token: over HTTPS, or to this machine, where
 * nothing on the network can read it.
 */
function mayCarryToken(apiHost: string): boolean {
  let url: URL
  try {
    url = new URL(apiHost)
  } catch {
    return false
  }
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const loopback =
    host === 'localhost' || host.endsWith('.localhost') || host === '::1' || host.startsWith('127.')
  return url.protocol === 'https:' || (url.protocol === 'http:' && loopback)
}
