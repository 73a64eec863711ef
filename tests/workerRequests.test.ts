import {fork} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {Worker} from 'node:worker_threads'

import {describe, expect, test} from 'vitest'

import {workerRequests} from '../cli/workerRequests'

interface Reply {
  id: number
  doubled?: number
  error?: string
}

function isReply(message: unknown): message is Reply {
  return typeof message === 'object' && message !== null && 'id' in message
}

/**
 * A worker that doubles `n`, talking over `channel`: a thread's port or a child's process, and
 * `post` sends on it. It holds its replies until it has three requests and then answers them
 * last first; `n: -1` gets an error back, `n: -2` makes it exit with code 3, and it says `hello`
 * (not a reply) before each batch of answers.
 */
const doublerSource = (channel: string, post: string) => `
const channel = ${channel}
let held = []
channel.on('message', (request) => {
  if (request.n === -2) process.exit(3)
  held.push(request)
  if (held.length < 3) return
  channel.${post}('hello')
  for (const {id, n} of held.reverse()) {
    channel.${post}(n === -1 ? {id, error: 'negative'} : {id, doubled: 2 * n})
  }
  held = []
})
`

const THREAD_DOUBLER = doublerSource(`require('node:worker_threads').parentPort`, 'postMessage')
const PROCESS_DOUBLER = join(mkdtempSync(join(tmpdir(), 'worker-requests-')), 'doubler.cjs')
writeFileSync(PROCESS_DOUBLER, doublerSource('process', 'send'))

function doubler(kind: 'thread' | 'process' = 'thread') {
  const worker =
    kind === 'thread'
      ? new Worker(THREAD_DOUBLER, {eval: true})
      : fork(PROCESS_DOUBLER, {serialization: 'advanced'})
  return workerRequests<{n: number; bytes?: Uint8Array}, Reply, number>(worker, {
    name: 'doubling worker',
    isReply,
    read: (reply) => (reply.error ? new Error(reply.error) : (reply.doubled ?? Number.NaN)),
  })
}

describe.each(['thread', 'process'] as const)('workerRequests with a %s', (kind) => {
  test('workerRequests: matches each reply to its request, whatever order they come in', async () => {
    const requests = doubler(kind)
    try {
      const answers = await Promise.all([1, 2, 3].map((n) => requests.send({n})))
      expect(answers).toEqual([2, 4, 6])
    } finally {
      await requests.close()
    }
  })

  test('workerRequests: a reply reporting an error rejects its own request only', async () => {
    const requests = doubler(kind)
    try {
      const answers = await Promise.allSettled([5, -1, 7].map((n) => requests.send({n})))
      expect(
        answers.map((answer) => (answer.status === 'fulfilled' ? answer.value : answer.reason)),
      ).toEqual([10, new Error('negative'), 14])
    } finally {
      await requests.close()
    }
  })

  test('workerRequests: a worker that exits refuses what waits and what comes later, naming itself', async () => {
    const requests = doubler(kind)
    const waiting = expect(requests.send({n: 1})).rejects.toThrow(
      'doubling worker exited with code 3',
    )
    await expect(requests.send({n: -2})).rejects.toThrow('doubling worker exited with code 3')
    await waiting
    await expect(requests.send({n: 2})).rejects.toThrow('doubling worker exited with code 3')
    await requests.close()
  })

  test('workerRequests: close refuses what waits and what comes later', async () => {
    const requests = doubler(kind)
    const waiting = expect(requests.send({n: 1})).rejects.toThrow('doubling worker closed')
    await requests.close()
    await waiting
    await expect(requests.send({n: 2})).rejects.toThrow('doubling worker closed')
  })
})

describe('workerRequests with a thread', () => {
  test('workerRequests: buffers passed to transfer move to the worker, and the rest is copied', async () => {
    const requests = doubler()
    try {
      const [moved, copied] = [new Uint8Array(16), new Uint8Array(16)]
      const answers = Promise.all([
        requests.send({n: 1, bytes: moved}, [moved.buffer]),
        requests.send({n: 2, bytes: copied}),
        requests.send({n: 3}),
      ])
      expect([moved.byteLength, copied.byteLength]).toEqual([0, 16])
      expect(await answers).toEqual([2, 4, 6])
    } finally {
      await requests.close()
    }
  })
})
