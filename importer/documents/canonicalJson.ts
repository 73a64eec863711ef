/**
 * JSON with object keys sorted at every depth and undefined values left out, so equal content
 * always gives the same text. (Keys that are array indexes, which no Sanity field name is, come
 * first in numeric order: JavaScript objects keep them that way.)
 *
 * @param value - any JSON value
 * @returns canonical JSON
 */
export function canonicalJson(value: unknown): string {
  // One JSON.stringify over key-sorted copies is several times faster than serialising piece by
  // piece: escaping long paragraphs is most of the work, and it is done in one native pass.
  return JSON.stringify(withSortedKeys(value)) ?? 'null'
}

/** The value with every object's keys in sorted order; parts already in order are reused. */
function withSortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index]
      const sorted = withSortedKeys(item)
      if (sorted !== item) (copy ??= [...value])[index] = sorted
    }
    return copy ?? value
  }
  if (typeof value !== 'object' || value === null) return value
  const keys = Object.keys(value)
  let inOrder = true
  for (let index = 1; index < keys.length && inOrder; index++)
    inOrder = (keys[index - 1] ?? '') < (keys[index] ?? '')
  if (!inOrder) keys.sort()
  let copy: Record<string, unknown> | undefined
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] ?? ''
    const item: unknown = Reflect.get(value, key)
    const sorted = withSortedKeys(item)
    if (!copy && (sorted !== item || !inOrder)) {
      copy = {}
      for (const earlier of keys.slice(0, index)) copy[earlier] = Reflect.get(value, earlier)
    }
    if (copy) copy[key] = sorted
  }
  return copy ?? value
}
