/**
 * What a promise rejects with; a promise that resolves gives an Error "resolved" instead, so an
 * assertion on the rejection fails plainly.
 *
 * @param promise - a promise expected to reject
 * @returns the rejection
 */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('resolved'),
    (error: unknown) => error,
  )
}

/**
 * The message a promise rejects with, or "resolved" when it resolves.
 *
 * @param promise - a promise expected to reject
 * @returns the rejection's message
 */
export async function messageOf(promise: Promise<unknown>): Promise<string> {
  const error = await rejectionOf(promise)
  return error instanceof Error ? error.message : String(error)
}

/**
 * What a function throws; one that returns gives an Error "returned" instead, so an assertion on
 * the error fails plainly.
 *
 * @param run - a function expected to throw
 * @returns the thrown value
 */
export function thrownBy(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  return new Error('returned')
}
