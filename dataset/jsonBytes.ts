// JSON to and from UTF-8 bytes without large strings. A string or buffer of more than about
// 64 KB lives in memory V8 and the allocator map afresh for each one, and faulting those pages in
// makes decoding or encoding it ten times slower than in small pieces (measured: ~90 MB/s against
// ~900 MB/s). A request of thirty articles is 256 KB; a dataset is gigabytes.

/** How {@link parseJsonBytes} splits its input. */
export interface ParseJsonBytesOptions {
  /**
   * Largest piece decoded and parsed in one go (32 KiB by default, well under the size where
   * strings slow down). Tests make it tiny to split everything.
   */
  pieceBytes?: number
  /**
   * Hears each array and object parsed from a range of its own (a piece, or a container split
   * into pieces) with that range, bytes `start` to `end`, without the whitespace around it: its
   * JSON as received. A value inside a piece parsed in one go has no range of its own.
   */
  onContainer?: (value: object, start: number, end: number) => void
  /**
   * Deepest a value may lie: the value parsed is at depth 0, its members at 1. Input with a value
   * written deeper (one a later duplicate key replaces too) throws {@link JsonDepthError}. It is
   * found while splitting the input's members, which reads every byte anyway, so guarding what
   * later walks the value costs no walk of its own.
   */
  maxDepth?: number
}

/** Thrown by {@link parseJsonBytes} for input nested deeper than its `maxDepth`. */
export class JsonDepthError extends RangeError {
  override name = 'JsonDepthError'
}

/**
 * How deep a value is split into pieces: enough for a document inside a mutation inside a
 * request body, and few enough that no input is scanned more than a few times over.
 */
const MAX_SPLIT_DEPTH = 4

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const COLON = 0x3a
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d

/**
 * Parses UTF-8 JSON as `JSON.parse(bytes.toString('utf8'))` does, with the same result and the
 * same inputs refused, but a large array or object is split at its top-level commas and each
 * member decoded and parsed on its own, so no large string is made.
 *
 * @param bytes - the JSON text, UTF-8 encoded (invalid sequences read as U+FFFD, as `toString`)
 * @param options - the piece size
 * @returns the value
 * @throws SyntaxError when the bytes are not JSON, JsonDepthError when they nest past `maxDepth`
 */
export function parseJsonBytes(bytes: Buffer, options: ParseJsonBytesOptions = {}): unknown {
  const {pieceBytes = 32 * 1024, onContainer, maxDepth} = options
  const parseRange = (from: number, to: number, depth: number, split?: Split): unknown => {
    const start = skipSpace(bytes, from, to)
    let end = to
    while (end > start && isSpace(bytes[end - 1])) end--
    const open = bytes[start]
    const container = open === OPEN_ARRAY || open === OPEN_OBJECT
    // The whole input's members are split at depth 0, which reads every byte: how deep its values
    // lie is found there, once.
    const depthLimit = depth === 0 && container ? maxDepth : undefined
    if (end - start <= pieceBytes || depth >= MAX_SPLIT_DEPTH || !container) {
      const value: unknown = JSON.parse(bytes.toString('utf8', start, end))
      // Input small enough to parse in one go is split only to find how deep it goes.
      if (depthLimit !== undefined) splitMembers(bytes, start + 1, end - 1, depthLimit)
      if (typeof value === 'object' && value !== null) onContainer?.(value, start, end)
      return value
    }
    const close = open === OPEN_ARRAY ? CLOSE_ARRAY : CLOSE_OBJECT
    if (bytes[end - 1] !== close) throw new SyntaxError(`Unexpected end of JSON at byte ${end}`)
    // Split already when the range holding this one was: every byte is read once, not twice.
    const members =
      split?.open === start && split.close === end - 1
        ? split.members
        : splitMembers(bytes, start + 1, end - 1, depthLimit)
    if (open === OPEN_ARRAY) {
      const array = members.map((member) =>
        parseRange(member.start, member.end, depth + 1, member.value),
      )
      onContainer?.(array, start, end)
      return array
    }
    const object: Record<string, unknown> = {}
    for (const member of members) {
      if (member.colon === -1) {
        throw new SyntaxError(`Expected ':' after the key at byte ${member.start}`)
      }
      const key: unknown = parseRange(member.start, member.colon, MAX_SPLIT_DEPTH)
      if (typeof key !== 'string') {
        throw new SyntaxError(`Expected a string key at byte ${member.start}`)
      }
      const value = parseRange(member.colon + 1, member.end, depth + 1, member.value)
      // As JSON.parse does: `__proto__` is a key like any other, not the object's prototype.
      if (key === '__proto__') {
        Object.defineProperty(object, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        })
      } else object[key] = value
    }
    onContainer?.(object, start, end)
    return object
  }
  return parseRange(0, bytes.length, 0)
}

/**
 * The value of an object that has one member, `{"key": value}`, as its bytes: a view into them,
 * without the whitespace around it. Only an array, object or string value is given, and only
 * for an object written with one member: `{"a": {…}, "a": {…}}` parses to one member too.
 *
 * @param bytes - a JSON object, as `parseJsonBytes` accepted it
 * @returns the member's value, or undefined when the bytes are not such an object
 */
export function onlyMemberValue(bytes: Uint8Array): Uint8Array | undefined {
  const open = skipSpace(bytes, 0, bytes.length)
  let end = bytes.length
  while (end > open && isSpace(bytes[end - 1])) end--
  if (bytes[open] !== OPEN_OBJECT || bytes[end - 1] !== CLOSE_OBJECT) return undefined
  const members = splitMembers(bytes, open + 1, end - 1)
  const [member] = members
  if (members.length !== 1 || !member || member.colon === -1) return undefined
  const start = skipSpace(bytes, member.colon + 1, member.end)
  let valueEnd = member.end
  while (valueEnd > start && isSpace(bytes[valueEnd - 1])) valueEnd--
  const first = bytes[start]
  if (first !== QUOTE && first !== OPEN_ARRAY && first !== OPEN_OBJECT) return undefined
  return bytes.subarray(start, valueEnd)
}

/**
 * Whether bytes hold nothing but JSON whitespace (space, tab, line feed, carriage return).
 *
 * @param bytes - the bytes
 * @returns true for no bytes or only whitespace
 */
export function isJsonBlank(bytes: Uint8Array): boolean {
  return skipSpace(bytes, 0, bytes.length) === bytes.length
}

interface Member {
  start: number
  end: number
  /** The first top-level `:` in the member (an object's key ends there), or -1. */
  colon: number
  /** The array or object in the member, split in the same pass; undefined if it holds none. */
  value: Split | undefined
}

/** An array or object between brackets at `open` and `close`, and its members. */
interface Split {
  open: number
  close: number
  members: Member[]
}

/**
 * The members between a container's brackets, split at top-level commas, and the members of
 * an array or object in each, split in the same pass.
 *
 * @param maxDepth - with it, throws JsonDepthError when a value lies deeper than this below the
 *   container (its members at depth 1)
 */
function splitMembers(
  bytes: Uint8Array,
  start: number,
  end: number,
  maxDepth = Infinity,
): Member[] {
  if (skipSpace(bytes, start, end) === end) return []
  const members: Member[] = []
  let depth = 0
  let memberStart = start
  let colon = -1
  // The container opened in the current member, while it is open, and once it has closed.
  let inner: Split | undefined
  let value: Split | undefined
  let innerStart = 0
  let innerColon = -1
  for (let index = start; index < end; index++) {
    const byte = bytes[index]
    // Inside `depth` brackets below the members, any byte but space or a closing bracket belongs
    // to a value at depth + 1.
    if (depth >= maxDepth && !isSpace(byte) && byte !== CLOSE_ARRAY && byte !== CLOSE_OBJECT) {
      throw new JsonDepthError(`JSON nested deeper than ${maxDepth} levels at byte ${index}`)
    }
    if (byte === QUOTE) {
      index = closingQuote(bytes, index, end)
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (depth === 0) {
        inner = {open: index, close: -1, members: []}
        innerStart = index + 1
        innerColon = -1
      }
      depth++
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      depth--
      if (depth === 0 && inner) {
        if (inner.members.length > 0 || skipSpace(bytes, innerStart, index) < index) {
          inner.members.push({start: innerStart, end: index, colon: innerColon, value: undefined})
        }
        inner.close = index
        value = inner
        inner = undefined
      }
    } else if (depth === 0 && byte === COMMA) {
      members.push({start: memberStart, end: index, colon, value})
      memberStart = index + 1
      colon = -1
      value = undefined
    } else if (depth === 0 && byte === COLON && colon === -1) {
      colon = index
    } else if (depth === 1 && inner && byte === COMMA) {
      inner.members.push({start: innerStart, end: index, colon: innerColon, value: undefined})
      innerStart = index + 1
      innerColon = -1
    } else if (depth === 1 && inner && byte === COLON && innerColon === -1) {
      innerColon = index
    }
  }
  members.push({start: memberStart, end, colon, value})
  return members
}

/** The index of the quote that closes the string opening at `open`: one not escaped. */
function closingQuote(bytes: Uint8Array, open: number, end: number): number {
  for (let from = open + 1; ;) {
    const quote = bytes.indexOf(QUOTE, from)
    if (quote === -1 || quote >= end) throw new SyntaxError(`Unterminated string at byte ${open}`)
    let backslashes = 0
    while (bytes[quote - 1 - backslashes] === BACKSLASH) backslashes++
    if (backslashes % 2 === 0) return quote
    from = quote + 1
  }
}

function skipSpace(bytes: Uint8Array, start: number, end: number): number {
  let index = start
  while (index < end && isSpace(bytes[index])) index++
  return index
}

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09
}

/**
 * UTF-8 bytes built from strings in one buffer, reused from one use to the next: encoding into
 * memory already in use is ten times faster than `Buffer.from` of a large string.
 */
export class Utf8Builder {
  #buffer: Buffer
  #length = 0
  readonly #keepBytes: number

  /**
   * @param keepBytes - the largest buffer kept between uses (8 MiB by default); one grown past
   *   it for an exceptional value is dropped at the next `reset`
   */
  constructor(keepBytes = 8 * 1024 * 1024) {
    this.#keepBytes = keepBytes
    this.#buffer = Buffer.allocUnsafe(Math.min(64 * 1024, keepBytes))
  }

  /** Starts again from no bytes; what `bytes` returned before is overwritten from here on. */
  reset(): void {
    this.#length = 0
    if (this.#buffer.length > this.#keepBytes) this.#buffer = Buffer.allocUnsafe(this.#keepBytes)
  }

  /** Appends a string's UTF-8 bytes. */
  append(text: string): void {
    // Three bytes per UTF-16 unit at most, so the write is never cut short.
    this.#reserve(text.length * 3)
    this.#length += this.#buffer.write(text, this.#length, 'utf8')
  }

  /** Appends bytes that are UTF-8 already, as they are. */
  appendBytes(bytes: Uint8Array): void {
    this.#reserve(bytes.length)
    this.#buffer.set(bytes, this.#length)
    this.#length += bytes.length
  }

  /** How many bytes were appended since the last `reset`. */
  get byteLength(): number {
    return this.#length
  }

  /** The bytes appended since the last `reset`: a view, valid until the next `reset`. */
  bytes(): Buffer {
    return this.#buffer.subarray(0, this.#length)
  }

  /** Grows the buffer, keeping what it holds, until `more` bytes fit after them. */
  #reserve(more: number): void {
    const needed = this.#length + more
    if (needed <= this.#buffer.length) return
    const grown = Buffer.allocUnsafe(Math.max(needed, 2 * this.#buffer.length))
    this.#buffer.copy(grown, 0, 0, this.#length)
    this.#buffer = grown
  }
}
