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
 * A worker that doubles `n`. It holds its replies until it has three requests and then answers
 * them last first; `n: -1` gets an error back, `n: -2` makes it exit with code 3, and it says
 * `hello` (not a reply) before each batch of answers.
 */
const DOUBLER = `
const {parentPort} = require('node:worker_threads')
let held = []
parentPort.on('message', (request) => {
  if (request.n === -2) process.exit(3)
  held.push(request)
  if (held.length < 3) return
  parentPort.postMessage('hello')
  for (const {id, n} of held.reverse()) {
    parentPort.postMessage(n === -1 ? {id, error: 'negative'} : {id, doubled: 2 * n})
  }
  held = []
})
`

function doubler() {
  const worker = new Worker(DOUBLER, {eval: true})
  return workerRequests<{n: number; bytes?: Uint8Array}, Reply, number>(worker, {
    name: 'doubling worker',
    isReply,
    read: (reply) => (reply.error ? new Error(reply.error) : (reply.doubled ?? Number.NaN)),
  })
}

describe('workerRequests', () => {
  test('workerRequests: matches each reply to its request, whatever order they come in', async () => {
    const requests = doubler()
    try {
      const answers = await Promise.all([1, 2, 3].map((n) => requests.send({n})))
      expect(answers).toEqual([2, 4, 6])
    } finally {
      await requests.close()
    }
  })

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

  test('workerRequests: a reply reporting an error rejects its own request only', async () => {
    const requests = doubler()
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
    const requests = doubler()
    const waiting = expect(requests.send({n: 1})).rejects.toThrow(
      'doubling worker exited with code 3',
    )
    await expect(requests.send({n: -2})).rejects.toThrow('doubling worker exited with code 3')
    await waiting
    await expect(requests.send({n: 2})).rejects.toThrow('doubling worker exited with code 3')
    await requests.close()
  })

  test('workerRequests: close refuses what waits and what comes later', async () => {
    const requests = doubler()
    const waiting = expect(requests.send({n: 1})).rejects.toThrow('doubling worker closed')
    await requests.close()
    await waiting
    await expect(requests.send({n: 2})).rejects.toThrow('doubling worker closed')
  })
})
