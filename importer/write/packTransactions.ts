/**
 * Packs transactions into requests of at most `budget` bytes of JSON, in order. A transaction
 * larger than the budget travels alone.
 *
 * @param transactions - each with its mutations as UTF-8 JSON, as they will be sent
 * @param budget - the largest request body, in bytes
 * @returns the requests, each a list of whole transactions, as the transactions arrive
 */
export async function* packTransactions<T extends {json: Uint8Array}>(
  transactions: AsyncIterable<T> | Iterable<T>,
  budget: number,
): AsyncGenerator<T[]> {
  let current: T[] = []
  let size = 0
  for await (const transaction of transactions) {
    const bytes = transaction.json.byteLength
    if (current.length > 0 && size + bytes > budget) {
      yield current
      current = []
      size = 0
    }
    current.push(transaction)
    size += bytes
  }
  if (current.length > 0) yield current
}
