import {createServer as createHttpServer} from 'node:http'
import {createSecureServer} from 'node:http2'
import {createServer as createNetServer, type Socket} from 'node:net'
import {dirname} from 'node:path'

import {createLake, type Lake} from '../core/createLake'
import {type LakeStore, openLakeStore} from '../store/openLakeStore'
import {type AccessPolicy, accessPolicy} from './accessPolicy'
import {createLakeHandler} from './createLakeHandler'
import {localCertificate} from './localCertificate'
import {type FaultPlan, parseFaults} from './parseFaults'
import {replaySocket} from './replaySocket'
import {type RequestLogEntry, withFaults} from './withFaults'

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
  /**
   * Browser origins allowed besides the Studio's dev server (`http://localhost:3333` and
   * `http://127.0.0.1:3333`), e.g. a Studio on another port.
   */
  origins?: readonly string[]
  /** How long a query may run before it is stopped with an error (20 s by default). */
  queryTimeoutMs?: number
  /** Time stamped on writes; the importer fixes it for reproducible runs. */
  clock?: () => Date
  /** Faults to inject into data requests, for testing clients (see `LAKE_FAULTS`). */
  faults?: FaultPlan
  /** Drives fault injection; seed it for repeatable runs. */
  random?: () => number
  /** Receives an entry for every request. */
  requestLog?: (entry: RequestLogEntry) => void
}

/** A running lake. */
export interface RunningLake {
  /** Base URL for Node clients' `apiHost`, e.g. `http://127.0.0.1:3334`. */
  url: string
  /** Base URL for browsers' `apiHost` (TLS, HTTP/2), e.g. `https://localhost:3334`. */
  secureUrl: string
  port: number
  lake: Lake
  /** Stops accepting requests, ends open streams and writes the snapshot. */
  close: () => Promise<void>
}

/** The first byte of a TLS handshake record. */
const TLS_HANDSHAKE = 0x16
/** How long a connection may wait before sending a request, or between requests. */
const IDLE_MS = 5_000
/** How long a request may take to arrive whole. */
const REQUEST_MS = 60_000
/** How long an HTTP/2 session may go without a frame; event streams send one every 15 s. */
const SESSION_IDLE_MS = 60_000
/** Open connections at once; a Studio uses a handful. */
const MAX_CONNECTIONS = 512

/**
 * Starts a local Content Lake over a dataset file, on loopback. One port speaks both plain
 * HTTP/1.1 (for Node clients) and TLS with HTTP/2 (for browsers, which allow only six HTTP/1.1
 * connections per host — fewer than the event streams a Studio keeps open): the first byte of
 * each connection tells them apart. The certificate is self-signed and kept beside the dataset.
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
  try {
    return await serveLake(store, options, host)
  } catch (error) {
    // The store holds the data file's lock: a lake that cannot start must let it go.
    await store.close().catch(() => undefined)
    throw error
  }
}

async function serveLake(
  store: LakeStore,
  options: StartLakeOptions,
  host: string,
): Promise<RunningLake> {
  const lake = createLake(store, options.clock, {
    ...(options.queryTimeoutMs ? {deadlineMs: options.queryTimeoutMs} : {}),
  })
  let policy: AccessPolicy | undefined
  const lakeHandler = createLakeHandler(lake, {
    dataset: options.dataset ?? 'production',
    access: () => {
      if (!policy) throw new Error('startLake(): a request arrived before the lake listened')
      return policy
    },
  })
  const handler =
    options.faults || options.requestLog
      ? withFaults(
          lakeHandler,
          options.faults ?? parseFaults(''),
          options.random ?? Math.random,
          options.requestLog,
        )
      : lakeHandler
  const plain = createHttpServer(
    {headersTimeout: IDLE_MS, requestTimeout: REQUEST_MS, keepAliveTimeout: IDLE_MS},
    (request, response) => void handler(request, response),
  )
  const secure = createSecureServer(
    {
      ...(await localCertificate(dirname(options.data))),
      allowHTTP1: true,
      handshakeTimeout: IDLE_MS,
    },
    (request, response) => void handler(request, response),
  )
  // An HTTP/2 session with no stream open for a while is closed; event streams keep theirs open.
  secure.setTimeout(SESSION_IDLE_MS)
  const sockets = new Set<Socket>()
  const server = createNetServer((socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
    // A connection that says nothing is closed, so idle sockets cannot pile up.
    socket.setTimeout(IDLE_MS, () => socket.destroy())
    socket.once('data', (first) => {
      socket.setTimeout(0)
      socket.pause()
      if (first[0] === TLS_HANDSHAKE) {
        secure.emit('connection', replaySocket(socket, first))
        return
      }
      socket.unshift(first)
      plain.emit('connection', socket)
      socket.resume()
    })
  })
  server.maxConnections = MAX_CONNECTIONS
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 3334, host, resolve)
  })
  const address = server.address()
  if (typeof address !== 'object' || address === null) throw new Error('startLake(): no port bound')
  const {port} = address
  policy = accessPolicy({
    port,
    host,
    ...(options.origins ? {origins: options.origins} : {}),
    ...(options.token ? {token: options.token} : {}),
  })
  const name = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${name}:${port}`,
    secureUrl: `https://${isLoopback(host) ? 'localhost' : name}:${port}`,
    port,
    lake,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      try {
        await lake.close()
      } finally {
        await store.close()
      }
    },
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.')
}
