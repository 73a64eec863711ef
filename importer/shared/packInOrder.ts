/**
 * Packs items into groups of at most `budget` in size, in order, each group as full as the next
 * item allows: the transactions of a request body, the lines of a piece of report. An item
 * larger than the budget is a group of its own.
 *
 * @param items - what to pack, as it arrives
 * @param budget - the largest group, in the units `sizeOf` counts
 * @param sizeOf - an item's size, e.g. its JSON's bytes as they will be sent
 * @returns the groups, each yielded as soon as the next item would not fit in it
 */
export async function* packInOrder<T>(
  items: AsyncIterable<T> | Iterable<T>,
  budget: number,
  sizeOf: (item: T) => number,
): AsyncGenerator<T[]> {
  let current: T[] = []
  let size = 0
  for await (const item of items) {
    const itemSize = sizeOf(item)
    if (current.length > 0 && size + itemSize > budget) {
      yield current
      current = []
      size = 0
    }
    current.push(item)
    size += itemSize
  }
  if (current.length > 0) yield current
}
