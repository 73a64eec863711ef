import type {NodeChild} from './runNode'

/**
 * Waits for a benchmark child to exit and gives the report it printed: its last non-empty
 * stdout line (anything printed before it, such as a warning, is not the report).
 *
 * @param child - the running child
 * @param what - the child's name, for errors
 * @returns the report line
 * @throws Error when the child fails or prints nothing
 */
export async function childReport(child: NodeChild, what: string): Promise<string> {
  const code = await child.exited
  if (code !== 0) throw new Error(`${what} exited with code ${code}`)
  const line = child
    .stdout()
    .filter((text) => text.trim() !== '')
    .at(-1)
  if (line === undefined) throw new Error(`${what} printed no report`)
  return line
}
