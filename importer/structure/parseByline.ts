/** Authors and agencies read from a byline line, in print order. */
export interface ParsedByline {
  authors: string[]
  agencies: string[]
}

/** Agencies credited in wire copy; a credit that is one of these is never taken for a person. */
const AGENCIES = [
  'AFP',
  'Agence France-Presse',
  'AP',
  'Associated Press',
  'Reuters',
  'dpa',
  'DPA',
  'ANSA',
  'EFE',
  'Kyodo',
  'Xinhua',
  'TASS',
  'Interfax',
  'Ukrinform',
  'Bloomberg',
  'PA',
  'PA Media',
  'UPI',
  'Yonhap',
  'Anadolu',
  'ANP',
  'Belga',
  'APA',
  'Keystone-SDA',
  'SDA',
  'Ritzau',
  'NTB',
  'TT',
  'CTK',
  'PAP',
  'MTI',
  'STA',
  'Lusa',
  'Europa Press',
  'Bernama',
  'Antara',
  'PTI',
  'IANS',
] as const
const KNOWN_AGENCIES = new Set<string>(AGENCIES.map((agency) => agency.toLowerCase()))

/** Lowercase words that belong inside personal names. */
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'des',
  'la',
  'le',
  'bin',
  'binti',
  'al',
  'el',
  'ibn',
  'ter',
  'dos',
  'das',
  'do',
  'y',
  'e',
  'zu',
  'af',
  'av',
])

const WITH = /,?\s+with\s+/i
const LEADING_WITH = /^with\s+/i
const BY = /^by\s+/i
const PARENTHESISED_AGENCY = /^(.*?)\s*\(([^()]+)\)$/
const MAX_BYLINE_LENGTH = 120

/**
 * Reads a byline in the forms newsrooms print: `By A`, `A`, `A and B`, `A, B and C, with
 * Reuters`, `Florent Vergnes, with AFP`, `A (AFP)`, or an agency alone such as `AFP`.
 *
 * @param line - one line of text
 * @param options - `requireMarker`: accept only lines that cannot be a headline (a `By` prefix,
 *   an agency credit, or an agency alone), as at the top of an article
 * @returns the byline, or undefined when the line is not one
 */
export function parseByline(
  line: string,
  options: {requireMarker?: boolean} = {},
): ParsedByline | undefined {
  const trimmed = line.trim()
  if (trimmed.length > MAX_BYLINE_LENGTH + 1) return undefined
  const endsWithDot = trimmed.endsWith('.')
  let text = trimmed.replace(/\.$/, '')
  // Sentence punctuation means prose; a dot is allowed only after an initial (`J. Smith`).
  const punctuation = /[.!?;:"“”。！？]/u.test(text.replace(/(^|\s)\p{Lu}\./gu, '$1'))
  if (text.length === 0 || text.length > MAX_BYLINE_LENGTH || punctuation) return undefined
  const hasBy = BY.test(text)
  text = text.replace(BY, '')

  const {credits, agencyPart} = splitCredit(text)
  const agencies = agencyPart === undefined ? [] : splitNames(agencyPart)
  if (agencyPart !== undefined && (agencies.length === 0 || !agencies.every(isAgency))) {
    return undefined
  }
  if (agencyPart === undefined && credits.length > 0 && credits.every(isKnownAgency)) {
    return {authors: [], agencies: credits}
  }
  if (credits.length === 0) return agencies.length > 0 ? {authors: [], agencies} : undefined
  if (!credits.every(isPersonName)) return undefined
  // A bare line of names is a byline only at the end, and never a sentence ending in a dot.
  // Wire trailers in capitals (`ENDS`, `MORE`) are not names either.
  const marked = hasBy || agencies.length > 0
  const shouted = credits.every((name) => name === name.toUpperCase() && /\p{Lu}/u.test(name))
  if (!marked && (options.requireMarker || endsWithDot || shouted)) return undefined
  return {authors: credits, agencies}
}

/** Splits `A, B, with AFP` / `A (AFP)` / `With AFP` / `(AFP)` into names and the agency part. */
function splitCredit(text: string): {credits: string[]; agencyPart?: string} {
  const withMatch = WITH.exec(text) ?? LEADING_WITH.exec(text)
  if (withMatch) {
    const agencyPart = text.slice(withMatch.index + withMatch[0].length)
    return {credits: splitNames(text.slice(0, withMatch.index)), agencyPart}
  }
  const parenthesised = PARENTHESISED_AGENCY.exec(text)
  if (parenthesised) {
    return {credits: splitNames(parenthesised[1] ?? ''), agencyPart: parenthesised[2] ?? ''}
  }
  return {credits: splitNames(text)}
}

function splitNames(text: string): string[] {
  return text
    .split(/\s*,\s*|\s+(?:and|&)\s+/i)
    .map((name) => name.trim())
    .filter(Boolean)
}

function isKnownAgency(name: string): boolean {
  return KNOWN_AGENCIES.has(name.toLowerCase())
}

/** After `with` or in parentheses, an unlisted agency in capitals (`KNA`) is credited too. */
function isAgency(name: string): boolean {
  return isKnownAgency(name) || /^[A-Z]{2,6}$/.test(name)
}

/** One to five words, each capitalised (or in a script without case), or a name particle. */
function isPersonName(name: string): boolean {
  const words = name.split(/\s+/)
  if (words.length > 5 || /\d/.test(name)) return false
  const capitalised = words.filter((word) => /^[\p{Lu}\p{Lt}\p{Lo}]/u.test(word))
  return (
    capitalised.length >= 1 &&
    words.every((word) => /^[\p{L}\p{M}'’.-]+$/u.test(word)) &&
    words.every((word) => /^[\p{Lu}\p{Lt}\p{Lo}]/u.test(word) || PARTICLES.has(word.toLowerCase()))
  )
}
