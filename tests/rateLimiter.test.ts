import {expect, test} from 'vitest'

import {rateLimiter} from '../importer/write/rateLimiter'

/** A clock in whole milliseconds, as `Date.now` reads, that a sleep moves on. */
function fakeClock(start = 0) {
  let time = start
  return {now: () => time, sleep: async (ms: number) => void (time += ms)}
}

test('rateLimiter: lets `perSecond` requests start at once, and the next one second later', async () => {
  const clock = fakeClock(5_000)
  const limiter = rateLimiter(3, clock.now, clock.sleep)
  const starts = []
  for (let index = 0; index < 7; index++) starts.push(await limiter.acquire())
  expect(starts).toEqual([5_000, 5_000, 5_000, 6_001, 6_001, 6_001, 7_002])
})

test('rateLimiter: no two starts `perSecond` apart are within a second, even by a whole-millisecond clock', async () => {
  const clock = fakeClock()
  const limiter = rateLimiter(20, clock.now, clock.sleep)
  const starts: number[] = []
  for (let index = 0; index < 200; index++) {
    starts.push(await limiter.acquire())
    // Requests trickle in at uneven intervals.
    await clock.sleep((index * 37) % 90)
  }
  // Readings 1000 apart can be 999.x ms apart in real time: 1001 is the least that is a second.
  for (let index = 20; index < starts.length; index++)
    expect((starts[index] ?? 0) - (starts[index - 20] ?? 0)).toBeGreaterThanOrEqual(1001)
})

test('rateLimiter: callers waiting together start in the order they asked', async () => {
  const clock = fakeClock()
  const limiter = rateLimiter(2, clock.now, clock.sleep)
  const order: number[] = []
  await Promise.all(
    [0, 1, 2, 3, 4].map(async (caller) => {
      await limiter.acquire()
      order.push(caller)
    }),
  )
  expect(order).toEqual([0, 1, 2, 3, 4])
})
