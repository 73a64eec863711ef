import {createServer, STATUS_CODES} from 'node:http'
import type {AddressInfo} from 'node:net'

/**
 * How the fake lake answers one request: a status and headers, a dropped connection, or never
 * (`hang`: the request waits until the lake is closed).
 */
export type FakeAnswer = {status: number; headers?: Record<string, string>} | 'drop' | 'hang'

/** A request the fake lake received. */
export interface FakeRequest {
  method: string
  /** The path without the API version, e.g. `/data/mutate/production`. */
  path: string
  /** The body exactly as it arrived. */
  body: string
  /** When it had arrived in full, by `performance.now()`. */
  time: number
}

/** A Content Lake stand-in on loopback, answering as it is told. */
export interface FakeLake {
  url: string
  requests: FakeRequest[]
  close: () => Promise<void>
}

const OK = {status: 200}

/**
 * Starts an HTTP server on loopback that answers data requests as a Content Lake with an empty
 * dataset would (no documents, no query results, every mutation applied), except where `answer`
 * says otherwise: a status with headers (429 with `Retry-After`, 503…), a dropped connection, or
 * no answer at all.
 *
 * @param answer - how to answer a request, given it and how many requests with its method and
 *   endpoint (`/data/mutate`, `/data/doc`, `/data/query`) came before it
 * @returns its URL, the requests it received, and `close`
 */
export async function startFakeLake(
  answer: (request: FakeRequest, previous: number) => FakeAnswer = () => OK,
): Promise<FakeLake> {
  const requests: FakeRequest[] = []
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => {
      const path = (incoming.url ?? '').replace(/^\/v[^/]+/, '').replace(/\?.*$/, '')
      const request: FakeRequest = {
        method: incoming.method ?? '',
        path,
        body: Buffer.concat(chunks).toString('utf8'),
        time: performance.now(),
      }
      const previous = requests.filter(
        (other) => other.method === request.method && endpoint(other.path) === endpoint(path),
      ).length
      requests.push(request)
      const answered = answer(request, previous)
      if (answered === 'hang') return
      if (answered === 'drop') {
        incoming.socket.destroy()
        return
      }
      const {status, headers = {}} = answered
      // Errors come as the hosted Content Lake words them.
      const body =
        status >= 400
          ? {statusCode: status, error: STATUS_CODES[status], message: 'answered by the fake lake'}
          : path.startsWith('/data/doc/')
            ? {documents: []}
            : path.startsWith('/data/query/')
              ? {ms: 1, result: []}
              : {transactionId: 'fake', results: []}
      response.writeHead(status, {'content-type': 'application/json', ...headers})
      response.end(JSON.stringify(body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!isAddressInfo(address)) throw new Error('startFakeLake(): the server has no port')
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

/** `/data/mutate`, `/data/doc` or `/data/query`, whatever the dataset and ids. */
function endpoint(path: string): string {
  return path.split('/').slice(0, 3).join('/')
}

function isAddressInfo(address: string | AddressInfo | null): address is AddressInfo {
  return typeof address === 'object' && address !== null
}
