import {isRecord} from '../../dataset/guards'

/**
 * JSON with object keys sorted at every depth and undefined values left out, so equal content
 * always gives the same text. (Keys that are array indexes, which no Sanity field name is, come
 * first in numeric order: JavaScript objects keep them that way.) A value whose keys are all in
 * order, as the importer builds its documents, is found so by a walk that only reads keys and is
 * serialised as it is; any other is serialised from a copy with its keys sorted, so keys in order
 * make this faster, never different.
 *
 * @param value - any JSON value
 * @returns canonical JSON; `null` for a value JSON cannot write, such as `undefined`
 */
export function canonicalJson(value: unknown): string {
  // One JSON.stringify either way, several times faster than serialising piece by piece:
  // escaping long paragraphs is most of the work, and it is done in one native pass.
  const sorted = keysInOrder(value) ? value : withSortedKeys(value)
  return JSON.stringify(sorted) ?? 'null'
}

// JSON.stringify of arrays and objects, by the very value: see `jsonOf`.
const serialised = new WeakMap<object, string>()

/**
 * `JSON.stringify(value)`, made once for each value: the article's sections are serialised for
 * its content hash and again for its body (see `splitArticle`), and thousands of characters of
 * escaped text are worth serialising once. The value is remembered by identity, so it must not
 * be changed once serialised, as the importer's documents are not once built; a changed copy is
 * a new value and serialised afresh.
 *
 * @param value - an array or object of JSON values, never changed afterwards
 * @returns its JSON
 */
export function jsonOf(value: object): string {
  let json = serialised.get(value)
  if (json === undefined) {
    json = JSON.stringify(value)
    serialised.set(value, json)
  }
  return json
}

/**
 * Whether every object in a value has its keys in order, found without copying or sorting
 * anything. An object's keys are in order when each sorts after the one before it and the first
 * after the empty string: an empty key, which no Sanity field has, counts as out of order, which
 * only costs a sorted copy. Keys are read as `for…in` lists them: own keys first, in the order
 * JSON.stringify writes them, then inherited ones, which JSON leaves out but which are checked
 * too.
 *
 * @param value - any JSON value
 * @returns true when every object's keys are in order; withSortedKeys then gives the value itself
 */
export function keysInOrder(value: unknown): boolean {
  if (Array.isArray(value)) {
    for (const item of value) if (!keysInOrder(item)) return false
    return true
  }
  if (!isRecord(value)) return true
  let previous = ''
  for (const key in value) {
    if (key <= previous || !keysInOrder(value[key])) return false
    previous = key
  }
  return true
}

/**
 * The value with every object's own keys sorted, at every depth, copying only what it must. It
 * returns the input itself exactly when keysInOrder finds every object's keys in order (keys
 * inherited aside), so callers can rely on no copy then. Otherwise it returns a copy in which
 * every part already in order (an object, an array, a whole subtree) is the input's own: only the
 * objects out of order and the objects and arrays holding them are new. The input is never
 * changed.
 *
 * @param value - any JSON value
 * @returns the value itself, or a copy with its keys sorted that shares every part in order
 */
export function withSortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value
    let copy: unknown[] | undefined
    for (const [index, item] of items.entries()) {
      const sorted = withSortedKeys(item)
      if (sorted !== item) (copy ??= [...items])[index] = sorted
    }
    return copy ?? value
  }
  if (!isRecord(value)) return value
  const keys = Object.keys(value)
  // In order as keysInOrder has it: each key after the one before, the first after ''.
  const inOrder = keys.every((key, index) => key > (keys[index - 1] ?? ''))
  const entries = (inOrder ? keys : keys.sort()).map((key): [string, unknown] => [
    key,
    withSortedKeys(value[key]),
  ])
  if (inOrder && entries.every(([key, item]) => item === value[key])) return value
  // fromEntries makes every key the copy's own, `__proto__` too, which `copy[key] =` would not.
  return Object.fromEntries(entries)
}
