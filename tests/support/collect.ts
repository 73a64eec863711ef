/**
 * Gathers an async sequence into an array, as `Array.fromAsync` (Node 22) does.
 *
 * @param items - the sequence
 * @returns its items in order
 */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const gathered: T[] = []
  for await (const item of items) gathered.push(item)
  return gathered
}
