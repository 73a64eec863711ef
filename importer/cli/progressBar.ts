/**
 * A one-line progress bar for terminals, redrawn in place on standard error.
 *
 * @param write - writes raw text to the terminal
 * @returns a progress callback, and `done` to clear the line
 */
export function progressBar(write: (text: string) => void): {
  update: (done: number, total: number) => void
  done: () => void
} {
  const width = 30
  return {
    update: (done, total) => {
      const filled = Math.round((done / Math.max(total, 1)) * width)
      write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} files`)
    },
    done: () => write('\r\u001b[2K'),
  }
}
