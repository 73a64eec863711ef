import {sha256} from '@noble/hashes/sha2.js'
import {bytesToHex} from '@noble/hashes/utils.js'

/** Node's native hashing, when the converter runs in Node: several times faster than in JS. */
const nodeCrypto = globalThis.process?.getBuiltinModule?.('node:crypto')
const UTF8 = new TextEncoder()

/**
 * The SHA-256 of text (as UTF-8) or bytes, as 64 hex digits. Node hashes natively; a browser,
 * where the converter runs in the Studio, uses a JavaScript SHA-256. The digest is the same
 * either way, so an article pasted in the Studio gets the ids and keys the importer gives it.
 *
 * @param data - text or bytes
 * @returns the lowercase hex digest
 */
export function sha256Hex(data: string | Uint8Array): string {
  if (nodeCrypto) return nodeCrypto.hash('sha256', data, 'hex')
  return bytesToHex(sha256(typeof data === 'string' ? UTF8.encode(data) : data))
}
