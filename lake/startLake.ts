import {createServer} from 'node:http'

import {createLake, type Lake} from './createLake'
import {createLakeHandler} from './http/createLakeHandler'
import {openLakeStore} from './store/openLakeStore'

/** Where and what the lake serves. */
export interface StartLakeOptions {
  /** The dataset file, e.g. `data/production.ndjson`. */
  data: string
  /** The dataset name clients use. */
  dataset?: string
  /** Port to listen on; 0 picks a free one. */
  port?: number
  /** Interface to bind; loopback unless a token guards the lake. */
  host?: string
  /** Required of every request when set (for a lake bound beyond loopback). */
  token?: string
  /** Time stamped on writes; the importer fixes it for reproducible runs. */
  clock?: () => Date
}

/** A running lake. */
export interface RunningLake {
  /** Base URL for `apiHost`, e.g. `http://127.0.0.1:3334`. */
  url: string
  port: number
  lake: Lake
  /** Stops accepting requests, ends open streams and writes the snapshot. */
  close: () => Promise<void>
}

/**
 * Starts a local Content Lake over a dataset file, on loopback.
 *
 * @param options - dataset file, port and binding
 * @returns the running lake
 * @throws Error when asked to bind beyond loopback without a token
 */
export async function startLake(options: StartLakeOptions): Promise<RunningLake> {
  const host = options.host ?? '127.0.0.1'
  if (!isLoopback(host) && !options.token) {
    throw new Error(`startLake(): binding ${host} exposes the dataset; set a token to require one`)
  }
  const store = await openLakeStore(options.data)
  const lake = createLake(store, options.clock)
  const handler = createLakeHandler(lake, {
    dataset: options.dataset ?? 'production',
    ...(options.token ? {token: options.token} : {}),
  })
  const server = createServer((request, response) => void handler(request, response))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 3334, host, resolve)
  })
  const address = server.address()
  if (typeof address !== 'object' || address === null) throw new Error('startLake(): no port bound')
  const {port} = address
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    lake,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await store.close()
    },
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.')
}
