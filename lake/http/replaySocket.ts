import type {Socket} from 'node:net'
import {Duplex} from 'node:stream'

/**
 * A stream over `socket` that first replays `first`, the bytes already read from it. TLS reads
 * straight from a socket's native handle and would miss bytes pushed back with `unshift`; a
 * JavaScript stream makes it read through here instead.
 *
 * @param socket - the connection
 * @param first - what was read from it to tell the protocol
 * @returns a duplex stream carrying the whole connection
 */
export function replaySocket(socket: Socket, first: Buffer): Duplex {
  const duplex = new Duplex({
    read: () => void socket.resume(),
    write: (chunk, encoding, callback) => void socket.write(chunk, encoding, callback),
    final: (callback) => void socket.end(callback),
    destroy: (error, callback) => {
      socket.destroy(error ?? undefined)
      callback(error)
    },
  })
  duplex.push(first)
  socket.on('data', (chunk) => {
    if (!duplex.push(chunk)) socket.pause()
  })
  socket.on('end', () => duplex.push(null))
  socket.on('error', (error) => duplex.destroy(error))
  socket.on('close', () => duplex.destroy())
  return duplex
}
