import {readFileSync} from 'node:fs'
import {mkdtemp} from 'node:fs/promises'
import {get, type IncomingMessage} from 'node:http'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {expect, test} from 'vitest'

import {startLakeProcess} from '../bench/process/startLakeProcess'
import {localClient} from '../lake'

/** A process's resident memory now, in MiB, from /proc. */
function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

test('lake: a listener that stops reading over 150 MB of writes keeps the lake’s memory growth under 250 MB', async () => {
  const data = join(await mkdtemp(join(tmpdir(), 'newsroom-lake-memory-')), 'production.ndjson')
  const lake = await startLakeProcess(data)
  try {
    const client = localClient(lake.url)
    const blob = 'x'.repeat(1024 * 1024)
    await client.createOrReplace({_id: 'blob', _type: 'blob', blob, n: -1})
    const before = residentMb(lake.child.pid)

    // A listener whose reader never reads: the lake must not buffer what it does not take.
    const listen = `${lake.url}/v2025-02-19/data/listen/production?query=${encodeURIComponent('*[_type == "blob"]')}`
    const stalled = await new Promise<IncomingMessage>((resolve) =>
      get(listen, (response) => {
        response.pause()
        resolve(response)
      }),
    )

    for (let n = 0; n < 150; n++) {
      await client.createOrReplace({_id: 'blob', _type: 'blob', blob, n})
    }
    const growth = lake.child.peakRssMb() - before
    expect(growth).toBeLessThan(250)
    // The lake dropped the listener: once read, its stream ends.
    const ended = new Promise<void>((resolve) => stalled.socket.once('close', () => resolve()))
    stalled.resume()
    await ended
    expect(await client.fetch('*[_id == "blob"][0].n')).toBe(149)
  } finally {
    await lake.stop()
  }
}, 180_000)
