/** Least time between two redraws: a terminal need not draw 100,000 lines for 100,000 files. */
const REDRAW_MS = 100

/**
 * A one-line progress bar for terminals, redrawn in place on standard error: at most every
 * 100 ms, and always at the last file.
 *
 * @param write - writes raw text to the terminal
 * @param now - the clock, in milliseconds (injected for tests)
 * @returns a progress callback, and `done` to clear the line
 */
export function progressBar(
  write: (text: string) => void,
  now: () => number = Date.now,
): {
  update: (done: number, total: number) => void
  done: () => void
} {
  const width = 30
  let drawnAt = -Infinity
  return {
    update: (done, total) => {
      const time = now()
      if (time - drawnAt < REDRAW_MS && done < total) return
      drawnAt = time
      const filled = Math.round((done / Math.max(total, 1)) * width)
      write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} files`)
    },
    done: () => write('\r\u001b[2K'),
  }
}
