/**
 * Where a run keeps what it has decided until the end: the writes it may make once every file
 * has passed, and each file's outcome for the report. An archive's worth need not sit in memory.
 */
export interface Spool<T> {
  append: (items: readonly T[]) => Promise<void>
  /** The items in the order appended; each call reads them afresh. */
  read: () => AsyncIterable<T>
  /** Frees what the spool holds. */
  dispose: () => Promise<void>
}

/**
 * A spool in memory, for runs small enough to hold (and for tests): it keeps what it is given,
 * and with it the source text the documents' strings are cut from.
 *
 * @returns the spool
 */
export function memorySpool<T>(): Spool<T> {
  let items: T[] = []
  return {
    append: async (more) => {
      items.push(...more)
    },
    read: async function* () {
      yield* items
    },
    dispose: async () => {
      items = []
    },
  }
}
