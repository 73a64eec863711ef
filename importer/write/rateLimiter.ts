/** Waits for a time; injected so tests need not sleep. */
export type Sleep = (milliseconds: number) => Promise<void>

/**
 * Spaces out request starts so no rolling one-second window holds more than `perSecond` of
 * them (the hosted Content Lake answers 429 beyond 25 mutation requests a second per IP).
 *
 * @param perSecond - the most requests a second
 * @param now - the current time in milliseconds
 * @param sleep - waits
 * @returns `acquire`, to await before each request; it resolves to the time the request may start,
 *   by `now`
 */
export function rateLimiter(
  perSecond: number,
  now: () => number = Date.now,
  sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): {acquire: () => Promise<number>} {
  const starts: number[] = []
  let turn: Promise<unknown> = Promise.resolve()
  const acquire = async (): Promise<number> => {
    for (;;) {
      const time = now()
      // The clock counts whole milliseconds: readings 1000 apart can be 999.x ms apart, so a
      // start leaves the window only once the reading is 1001 on.
      while (starts.length > 0 && time - (starts[0] ?? 0) > 1000) starts.shift()
      if (starts.length < perSecond) {
        starts.push(time)
        return time
      }
      await sleep(1001 - (time - (starts[0] ?? time)))
    }
  }
  return {
    acquire: () => {
      const mine = turn.then(acquire)
      turn = mine
      return mine
    },
  }
}
