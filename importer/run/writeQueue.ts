/**
 * Hands items from a producer to one consumer that reads them as an async iterable, holding at
 * most `limit` at a time: the producer waits while the consumer catches up, so memory stays
 * bounded whichever side is faster.
 */
export interface WriteQueue<T> extends AsyncIterable<T> {
  /** Adds items; resolves once there is room for them. Rejects once the queue has failed. */
  push: (items: readonly T[]) => Promise<void>
  /** No more items: the consumer's iteration ends after the ones queued. */
  close: () => void
  /** The consumer stopped with an error: pushes reject with it from now on. */
  fail: (error: unknown) => void
}

/**
 * @param limit - how many items may wait before `push` waits
 * @returns an empty queue
 */
export function writeQueue<T>(limit: number): WriteQueue<T> {
  const items: T[] = []
  let closed = false
  let failure: {error: unknown} | undefined
  let wakeConsumer: (() => void) | undefined
  let wakeProducer: (() => void) | undefined
  const wake = (which: 'consumer' | 'producer') => {
    const resolve = which === 'consumer' ? wakeConsumer : wakeProducer
    if (which === 'consumer') wakeConsumer = undefined
    else wakeProducer = undefined
    resolve?.()
  }
  return {
    push: async (more) => {
      for (const item of more) {
        while (!failure && items.length >= limit) {
          await new Promise<void>((resolve) => (wakeProducer = resolve))
        }
        if (failure) throw failure.error
        items.push(item)
        wake('consumer')
      }
    },
    close: () => {
      closed = true
      wake('consumer')
    },
    fail: (error) => {
      failure = {error}
      wake('producer')
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const item = items.shift()
        if (item !== undefined) {
          wake('producer')
          yield item
        } else if (closed) return
        else await new Promise<void>((resolve) => (wakeConsumer = resolve))
      }
    },
  }
}
