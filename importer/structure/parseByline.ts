import {agenciesIn, isEditorCode, isNewsAgency} from './newsAgencies'

/** Authors and agencies read from a credit line, in print order. */
export interface ParsedByline {
  authors: string[]
  agencies: string[]
}

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

/** `By`, and the same word in the languages credit lines come in. */
const BY = /^(?:by|par|por|von|door|di|av|af|text(?:o)?:|words by|written by|story by)\s+/i
/** What joins names: commas and `and` in each language. */
const AND = /\s*,\s*|\s+(?:and|&|et|y|e|und|en|og|och|i)\s+/i
/** What joins the authors to the agencies they wrote with. */
const WITH = /,?\s+(?:with|avec|con|com|mit(?: Material (?:von|der|aus))?)\s+|\s+\|\s+|\s+[–—]\s+/i
const LEADING_WITH = /^(?:with|avec|con|com|mit(?: Material (?:von|der|aus))?)\s+/i
/** A credit ending in parentheses: `A (AFP)`, `(AFP, Reuters)`, `ab/rt (AP, dpa)`. */
const PARENTHESISED = /^(.*?)\s*\(([^()]+)\)$/
/** `Reporting by A in Paris; Editing by B`: the roles of a wire trailer. */
const ROLE =
  /^((?:additional\s+)?reporting|writing|written|compiled|research|editing|edited|graphics|photos?|video)\s+by\s+(.+)$/i
/** Roles whose names are authors of the article; editors and picture desks are not. */
const AUTHOR_ROLES = /^(?:(?:additional\s+)?reporting|writing|written|compiled|research)$/i
/** `in Paris`, `in New York`: where a reporter filed from. */
const IN_PLACE = /\s+in\s+\p{Lu}[\p{L}\p{M}.' -]*?(?=,|\s+and\s+|$)/gu
const MAX_BYLINE_LENGTH = 120
const MAX_ROLES_LENGTH = 300

/**
 * Reads a credit line in the forms newsrooms print: `By A`, `A`, `A and B`, `A, B and C, with
 * Reuters`, `Florent Vergnes, with AFP`, `By A | Reuters`, `A (AFP)`, `(CNN, AP, Reuters)`,
 * `ab/rt (AP, dpa)`, an agency alone such as `AFP`, `Reporting by A; Editing by B`, and the
 * same in French, Spanish, Portuguese and German (`Par A et B, avec AFP`, `Por A y B`,
 * `Von A und B, mit Material von dpa`). Agencies come from one list (see newsAgencies); beside a
 * named agency, a broadcaster or newspaper credited with it counts as one too.
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
  if (trimmed.length > MAX_ROLES_LENGTH + 1) return undefined
  const endsWithDot = trimmed.endsWith('.')
  const text = trimmed.replace(/\.$/, '')
  const roles = readRoles(text)
  if (roles) return roles
  if (text.length === 0 || text.length > MAX_BYLINE_LENGTH) return undefined
  // Sentence punctuation means prose; a dot is allowed only after an initial (`J. Smith`).
  if (/[.!?;:"“”。！？]/u.test(text.replace(/(^|\s)\p{Lu}\./gu, '$1').replace(BY, ''))) {
    return undefined
  }
  const hasBy = BY.test(text)
  const split = splitCredit(text.replace(BY, ''))
  if (!split) return undefined
  const {names, credited} = split
  if (credited === undefined && names.length > 0 && names.every(isNewsAgency)) {
    return {authors: [], agencies: names}
  }
  if (credited === undefined && names.length === 0) return undefined
  const agencies = [...(credited ?? [])]
  // Named agencies beside the authors (`By A, Reuters`) are credits too.
  const authors = names.filter((name) => !isNewsAgency(name))
  agencies.unshift(...names.filter(isNewsAgency))
  if (authors.length === 0) return agencies.length > 0 ? {authors, agencies} : undefined
  if (!authors.every(isPersonName)) return undefined
  // A bare line of names is a byline only at the end, and never a sentence ending in a dot.
  // Wire trailers in capitals (`ENDS`, `MORE`) are not names either.
  const marked = hasBy || agencies.length > 0
  const shouted = authors.every((name) => name === name.toUpperCase() && /\p{Lu}/u.test(name))
  if (!marked && (options.requireMarker || endsWithDot || shouted)) return undefined
  return {authors, agencies}
}

/**
 * Splits `A, B, with AFP` / `A | Reuters` / `A (AFP)` / `With AFP` / `(AFP)` into the names and
 * the agencies credited with them (`credited` is undefined when there is no agency part).
 *
 * @returns undefined when an agency part credits something that is not an organisation
 */
function splitCredit(text: string): {names: string[]; credited?: string[]} | undefined {
  const parenthesised = PARENTHESISED.exec(text)
  if (parenthesised) {
    const before = parenthesised[1] ?? ''
    const credited = organisations(parenthesised[2] ?? '')
    // `ab/rt (AP, dpa)`: the desk's initials sign the copy; they credit no one.
    const names = before.split('/').every(isEditorCode) ? [] : splitNames(before)
    return credited && {names, credited}
  }
  const withMatch = WITH.exec(text) ?? LEADING_WITH.exec(text)
  if (withMatch) {
    const credited = organisations(text.slice(withMatch.index + withMatch[0].length))
    return credited && {names: splitNames(text.slice(0, withMatch.index)), credited}
  }
  return {names: splitNames(text)}
}

/**
 * The organisations of an agency part: every one an agency, or a broadcaster or newspaper named
 * beside at least one agency (`CNN, AP, Reuters`, `BBC/AFP`, `Le Monde avec AFP`).
 */
function organisations(text: string): string[] | undefined {
  const cleaned = text.replace(LEADING_WITH, '')
  const slashed = agenciesIn(cleaned)
  if (slashed) return slashed
  const parts = cleaned
    .split(/\s*[/,]\s*|\s+(?:and|&|et|y|e|und)\s+/i)
    .map((part) => part.trim())
    .filter(Boolean)
  if (parts.length === 0 || !parts.some(isNewsAgency)) return undefined
  return parts.every((part) => isNewsAgency(part) || isOrganisation(part)) ? parts : undefined
}

/** `Reporting by A in Paris and B; Additional reporting by C; Editing by D`. */
function readRoles(text: string): ParsedByline | undefined {
  const parts = text.split(/\s*;\s*/).filter(Boolean)
  const roles = parts.map((part) => ROLE.exec(part))
  if (roles.length === 0 || !roles.every(Boolean)) return undefined
  const credit: ParsedByline = {authors: [], agencies: []}
  for (const role of roles) {
    if (!role || !AUTHOR_ROLES.test(role[1] ?? '')) continue
    // `A in Paris and B in London`: the places say where, not who.
    const names = splitNames((role[2] ?? '').replace(IN_PLACE, ''))
    if (!names.every((name) => isNewsAgency(name) || isPersonName(name))) return undefined
    for (const name of names) {
      const list = isNewsAgency(name) ? credit.agencies : credit.authors
      if (!list.includes(name)) list.push(name)
    }
  }
  return credit
}

function splitNames(text: string): string[] {
  return text
    .split(AND)
    .map((name) => name.trim())
    .filter(Boolean)
}

/** A broadcaster or newspaper: one to four capitalised words, or a short acronym. */
function isOrganisation(name: string): boolean {
  const words = name.split(/\s+/)
  return (
    words.length <= 4 &&
    !/\d/.test(name) &&
    words.every((word) => /^[\p{Lu}\p{Lt}][\p{L}\p{M}'’.&-]*$/u.test(word) || PARTICLES.has(word))
  )
}

/** One to five words, each capitalised (or in a script without case), or a name particle. */
function isPersonName(name: string): boolean {
  const words = name.split(/\s+/)
  if (words.length > 5 || /\d/.test(name)) return false
  const capitalised = words.filter((word) => /^[\p{Lu}\p{Lt}\p{Lo}]/u.test(word))
  return (
    capitalised.length >= 1 &&
    /^[\p{Lu}\p{Lt}\p{Lo}]/u.test(name) &&
    words.every((word) => /^[\p{L}\p{M}'’.-]+$/u.test(word)) &&
    words.every((word) => /^[\p{Lu}\p{Lt}\p{Lo}]/u.test(word) || PARTICLES.has(word.toLowerCase()))
  )
}
