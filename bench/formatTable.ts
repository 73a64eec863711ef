import {Console} from 'node:console'
import {Writable} from 'node:stream'

/**
 * Rows as `console.table` prints them, as text, so a command prints its tables through its own
 * output.
 *
 * @param rows - objects with the same keys, one per row
 * @returns the table, without a trailing newline
 */
export function formatTable(rows: readonly object[]): string {
  let text = ''
  const sink = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk)
      done()
    },
  })
  new Console({stdout: sink}).table(rows)
  return text.trimEnd()
}
