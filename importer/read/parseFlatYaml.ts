/** A flat front matter value: text, or null for a key with nothing after it. */
export type FlatYamlValue = string | null

const KEY_LINE = /^([A-Za-z][A-Za-z0-9_]*):(?: +(.*))?$/
const DOUBLE_QUOTED = /^"([^"\\]*)"$/
const SINGLE_QUOTED = /^'([^']*)'$/
// Plain scalars that YAML's core schema reads as something other than text, or reads specially.
const NOT_TEXT =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/
// A plain scalar may not start with an indicator, nor hold `: ` or ` #` (a mapping or comment).
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/
const INNER_SYNTAX = /: |:$| #/
// Tabs, control characters and Unicode line breaks are left to the parser.
const UNUSUAL = /[\t\x00-\x1f\x7f\x85\u2028\u2029\ufeff]/

/**
 * Reads the front matter almost every wire file has — one `key: value` per line with plain or
 * simply quoted text — without a full YAML parse. Anything else (lists, nesting, escapes,
 * numbers, repeated keys) returns undefined, and the caller parses it as YAML, which gives the
 * same value or a precise error.
 *
 * @param yaml - the text between the `---` lines
 * @returns each key's text (null when empty), or undefined when the YAML is not this simple
 */
export function parseFlatYaml(yaml: string): Record<string, FlatYamlValue> | undefined {
  const values: Record<string, FlatYamlValue> = {}
  for (const line of yaml.split('\n')) {
    if (UNUSUAL.test(line)) return undefined
    if (line.trim() === '' || line.startsWith('#')) continue
    const match = KEY_LINE.exec(line)
    const key = match?.[1]
    if (key === undefined || Object.hasOwn(values, key)) return undefined
    const value = flatScalar(withoutTrailingSpaces(match?.[2] ?? ''))
    if (value === undefined) return undefined
    values[key] = value
  }
  return values
}

/**
 * The text without the spaces closing it. Counted back from the end: `/ +$/` retried every place
 * of a long run of spaces that something follows, which took seconds in a line of 80,000.
 */
function withoutTrailingSpaces(text: string): string {
  let end = text.length
  while (end > 0 && text.charCodeAt(end - 1) === SPACE) end--
  return text.slice(0, end)
}

const SPACE = 0x20

function flatScalar(text: string): FlatYamlValue | undefined {
  if (text === '') return null
  const quoted = DOUBLE_QUOTED.exec(text) ?? SINGLE_QUOTED.exec(text)
  if (quoted) return quoted[1]
  if (INDICATOR_START.test(text) || INNER_SYNTAX.test(text) || NOT_TEXT.test(text)) {
    return undefined
  }
  return text
}
