/**
 * Maps each item of an async sequence as it is pulled, holding none of them.
 *
 * @param items - the sequence
 * @param map - what each item becomes
 * @returns the mapped sequence
 */
export async function* mapAsync<T, U>(
  items: AsyncIterable<T>,
  map: (item: T) => U,
): AsyncGenerator<U> {
  for await (const item of items) yield map(item)
}
