import {isRecord} from '../../dataset/guards'

/**
 * JSON with object keys sorted at every depth and undefined values left out, so equal content
 * always gives the same text. (Keys that are array indexes, which no Sanity field name is, come
 * first in numeric order: JavaScript objects keep them that way.) A value whose keys are all in
 * order, as the importer builds its documents, is found so by a walk that only reads keys and is
 * serialised as it is; any other is serialised from key-sorted copies, so keys in order make
 * this faster, never different.
 *
 * @param value - any JSON value
 * @returns canonical JSON
 */
export function canonicalJson(value: unknown): string {
  // One JSON.stringify either way, several times faster than serialising piece by piece:
  // escaping long paragraphs is most of the work, and it is done in one native pass.
  const sorted = keysInOrder(value) ? value : withSortedKeys(value)
  return JSON.stringify(sorted) ?? 'null'
}

/** Whether every object in a value has its keys in sorted order: no copies, no sorting. */
function keysInOrder(root: unknown): boolean {
  const pending: unknown[] = [root]
  while (pending.length > 0) {
    const value = pending.pop()
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        const item: unknown = value[index]
        if (typeof item === 'object' && item !== null) pending.push(item)
      }
    } else if (isRecord(value)) {
      // Own keys come first, in the order JSON.stringify writes them; an inherited key (which
      // neither path writes) or an empty one can only send the value down the sorting path.
      let previous = ''
      for (const key in value) {
        if (key <= previous) return false
        previous = key
        const item = value[key]
        if (typeof item === 'object' && item !== null) pending.push(item)
      }
    }
  }
  return true
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
