import type {NodeChild} from '../process/runNode'

/** How long output may trail a child's exit: its stdout can still be open when it exits. */
const TRAILING_OUTPUT_MS = 100

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
  await new Promise((resolve) => setTimeout(resolve, TRAILING_OUTPUT_MS))
  const line = child
    .stdout()
    .filter((text) => text.trim() !== '')
    .at(-1)
  if (line === undefined) throw new Error(`${what} printed no report`)
  return line
}
