import {emptyFile, type JournalFile} from './journalFile'

/** Appends entries to a journal, each whole and on disk, or not at all. */
export interface JournalWriter {
  /**
   * Appends one line and flushes it to disk. When either fails, the bytes written are cut away
   * again and the promise rejects: a half line left behind would swallow the next entry, which
   * replay could then not read. Resolves with the byte offset in the file where the line begins.
   */
  append: (line: Buffer) => Promise<number>
  /** Empties the journal; only once the snapshot holds every entry in it. */
  empty: () => Promise<void>
  /** Closes the file; the next append opens it again. */
  close: () => Promise<void>
}

/**
 * Writes a journal that ends, before each append, where its last whole entry ends. Opens the
 * file on the first append. Adds nothing to an append that succeeds: one write, one datasync.
 *
 * @param path - the journal file
 * @param openFile - opens it for appending (`openJournalFile`, or a test's failing one)
 * @param size - its size now, which must end with a whole entry (or be 0)
 * @returns the writer
 */
export function journalWriter(
  path: string,
  openFile: (path: string) => Promise<JournalFile>,
  size: number,
): JournalWriter {
  let file: JournalFile | undefined
  // Bytes of whole, flushed entries: the file ends there unless `dirty`.
  let whole = size
  // A failed append's bytes may lie after `whole`, still to be cut away.
  let dirty = false

  const cutBack = async (open: JournalFile) => {
    await open.truncate(whole)
    await open.datasync()
    dirty = false
  }
  const close = async () => {
    const open = file
    file = undefined
    if (!open) return
    // Best effort: a stray tail that stays is a torn last line, which replay drops.
    if (dirty) await cutBack(open).catch(() => undefined)
    await open.close()
  }

  return {
    append: async (line) => {
      file ??= await openFile(path)
      const open = file
      if (dirty) {
        try {
          await cutBack(open)
        } catch (error) {
          throw new Error(
            `LakeStore.commit(): cutting ${path} back to its last whole entry failed (${describe(error)}); nothing was appended`,
            {cause: error},
          )
        }
      }
      try {
        await open.appendFile(line)
        await open.datasync()
      } catch (error) {
        dirty = true
        const undone = await cutBack(open).then(
          () => true,
          () => false,
        )
        throw new Error(
          `LakeStore.commit(): appending to ${path} failed (${describe(error)}); the transaction was not applied${undone ? '' : ', but the journal could not be cut back yet, so it may reappear after a crash'}`,
          {cause: error},
        )
      }
      const start = whole
      whole += line.length
      return start
    },
    empty: async () => {
      await close()
      try {
        await emptyFile(path)
        whole = 0
        dirty = false
      } catch (error) {
        // It may be emptied or not; either way, cut it to nothing before the next append: the
        // snapshot holds every entry.
        whole = 0
        dirty = true
        throw error
      }
    },
    close,
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
