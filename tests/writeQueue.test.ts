import {expect, test} from 'vitest'

import {writeQueue} from '../importer/run/writeQueue'

test('writeQueue: gives every item once, in order, and ends when closed', async () => {
  const queue = writeQueue<number>(2)
  const read: number[] = []
  const consumer = (async () => {
    for await (const item of queue) read.push(item)
  })()
  await queue.push([1, 2, 3])
  await queue.push([4])
  queue.close()
  await consumer
  expect(read).toEqual([1, 2, 3, 4])
})

test('writeQueue: a push waits while the queue is full, until the consumer takes one', async () => {
  const queue = writeQueue<number>(2)
  let pushed = false
  const pushing = queue.push([1, 2, 3]).then(() => (pushed = true))
  await new Promise((resolve) => setImmediate(resolve))
  expect(pushed).toBe(false)
  const iterator = queue[Symbol.asyncIterator]()
  expect(await iterator.next()).toEqual({done: false, value: 1})
  await pushing
  expect(pushed).toBe(true)
})

test('writeQueue: once failed, a waiting push and every later one reject with the error', async () => {
  const queue = writeQueue<number>(1)
  const waiting = queue.push([1, 2])
  queue.fail(new Error('lake unreachable'))
  await expect(waiting).rejects.toThrow('lake unreachable')
  await expect(queue.push([3])).rejects.toThrow('lake unreachable')
})
