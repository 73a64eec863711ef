import type {ArticleWrite} from '../plan/planImport'

/**
 * Where a run keeps the article writes it has decided and validated until it knows every file
 * passed: nothing is written before then, and a large archive's writes need not sit in memory.
 */
export interface WriteSpool {
  append: (writes: readonly ArticleWrite[]) => Promise<void>
  /** The writes in the order appended. */
  read: () => AsyncIterable<ArticleWrite>
  /** Frees what the spool holds. */
  dispose: () => Promise<void>
}

/**
 * A spool in memory, for runs small enough to hold (and for tests).
 *
 * @returns the spool
 */
export function memorySpool(): WriteSpool {
  let writes: ArticleWrite[] = []
  return {
    append: async (more) => {
      writes.push(...more)
    },
    read: async function* () {
      yield* writes
    },
    dispose: async () => {
      writes = []
    },
  }
}
