import {agenciesIn, agencyKey, isEditorCode, isNewsAgency, newsAgenciesIn} from './newsAgencies'

/** Authors and agencies read from a credit line, in print order. */
export interface ParsedByline {
  authors: string[]
  agencies: string[]
  /**
   * Whether the line says it is a credit — a `By`, a role (`Reporting by`, `correspondent`), a
   * source label, or names joined as only bylines join them (`A / B`) — so that it is one
   * wherever it stands.
   */
  labelled?: boolean
}

/**
 * Where a line stands, which decides how much it takes to be read as a credit:
 * - `marked`: only a line that cannot be anything else — a `By`, an agency, a role, a source;
 * - `top`: also a line of full names, under the headline (`Anna Menin`, `A, B y C`);
 * - `end`: also a single name, as articles sign off.
 */
export type CreditPosition = 'marked' | 'top' | 'end'

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

/** `By`, and the labels credit lines open with in the languages they come in. */
const BY = new RegExp(
  String.raw`^(?:by|par|por|von|door|di|av|af|text|texto|words by|written by|story by|analysis by|opinion by|commentary by|interview by|author|auteur|autor|autorin|autora|publicado por|publicada por|escrito por|reportage|la información es de|con información de|com informações de|informações de|mit material von|mitarbeit)\s*:?\s+`,
  'i',
)
/** Labels that credit a source: what follows is an organisation, credited as an agency. */
const SOURCE =
  /^(?:[Ss]ources?|SOURCES?|[Qq]uellen?|QUELLE|[Ff]uentes?|FUENTE|[Ff]onte|FONTE|Via|[Pp]eriodista [Dd]igital)\s*:?\s+/
/** What joins names: commas, a spaced slash, and `and` in each language. */
const AND = /\s*,\s*|\s+\/\s+|\s+(?:and|&|et|y|e|und|en|og|och|i)\s+/i
/** What sets a name's place apart from it: `Markus Balser, Berlin`, `Anna Smith / Paris`. */
const APART = /\s*,\s*|\s+\/\s+/
/** What joins the authors to the agencies they wrote with. */
const WITH =
  /,?\s+(?:with|avec|con|com|mit(?: Material (?:von|der|aus))?|via)\s+|\s+\|\s+|\s+[–—-]\s+/i
const LEADING_WITH = /^(?:with|avec|con|com|mit(?: Material (?:von|der|aus))?)\s+/i
/** What sets a reporter's desk beside the name: `Ángeles Escrivá | Madrid`, `A — Berlin`. */
const PLACE_MARK = /^\s+(?:\||[–—-])\s+$/
/** A credit ending in parentheses: `A (AFP)`, `(AFP, Reuters)`, `ab/rt (AP, dpa)`. */
const PARENTHESISED = /^(.*?)\s*\(([^()]+)\)$/
/** `Reporting by A in Paris; Editing by B`: the roles of a wire trailer. */
const ROLE =
  /^((?:additional\s+)?reporting|writing|written|compiled|research|editing|edited|graphics|photos?|video)\s+by\s+(.+)$/i
/** Roles whose names are authors of the article; editors and picture desks are not. */
const AUTHOR_ROLES = /^(?:(?:additional\s+)?reporting|writing|written|compiled|research)$/i
/** `A and B contributed to this report.`, `Associated Press writers A and B contributed…` */
const CONTRIBUTED = /^(.+?)\s+contributed(?: reporting)? to (?:this|the) (?:report|story|article)$/i
/** `© 2019 Associated Press. All rights reserved.`, `©SZ vom 15.05.2019/vit`: a copyright line. */
const COPYRIGHT = /^(?:copyright\s*)?(?:©|\(c\))|^copyright\b/i
const COPYRIGHT_OF_TEXT =
  /\b(?:1[89]|20)\d\d\b|all rights reserved|alle rechte|tous droits|todos los derechos/i
/** Words of a picture credit, which captions a photo and credits no one for the text. */
const PICTURE = /\b(?:foto|photo|image|bild|imagen|imagem|picture|getty|istock|shutterstock)/i
/** The newsroom crediting itself: `Redacción`, `Editorial`, `Guardian staff and agencies`. */
const NEWSROOM =
  /^(?:(?:[\p{L}]+\s+)?(?:staff|newsroom|desk|editorial|redacci[oó]n|reda[cç][aã]o|redaktion|r[ée]daction|[ée]quipe de r[ée]daction)\b)/iu
/** Job titles that follow a name: `Caroline Hawley, BBC diplomatic correspondent`. */
const ROLE_NOUN =
  /^(?:correspondents?|editors?|editor-at-large|writers?|reporters?|columnists?|analysts?|contributors?|producers?|journalists?|envoy[ée]s?|envoyée?s? sp[ée]cia(?:l|le|ux|les)|sp[ée]cia(?:l|le|ux|les)|correspondante?s?|journalistes?|r[ée]dact(?:eur|rice)s?|corresponsal(?:es)?|periodistas?|redactora?|correspondentes?|rep[óo]rter(?:es)?|jornalistas?|korrespondent(?:in)?|redakteur(?:in)?|reporterin)$/iu
/** An address or a handle closing a credit line. */
const CONTACT = /\s*(?:[-–—|,]\s*)?(?:\S+@\S+\.\S+|@\w+)$/u
/** Words of a publication's or company's name, which no person's name has. */
const ORGANISATION_WORD =
  /^(?:news|digital|online|press|presse|prensa|times|post|daily|diario|diário|zeitung|journal|magazine|magazin|revista|media|médias|tv|radio|group|gruppe|grupo|agency|agencia|agência|agentur|network|newsletter)$/iu
const IN_PLACE = /\s+in\s+\p{Lu}[\p{L}\p{M}.' -]*?(?=,|\s+and\s+|$)/gu
/** An initial: `J.` in `J. Smith`; one closing a line is not a full stop (`Nicolas C.`). */
const INITIALS = /(^|\s)\p{Lu}\./gu
const ENDS_WITH_INITIAL = /(?:^|\s)\p{Lu}\.$/u
/** Sentence punctuation, which a credit line has none of. */
const PUNCTUATION = /[.!?;"“”。！？]/u
const CAPITAL = /\p{Lu}/u
const STARTS_CAPITAL = /^\p{Lu}/u
const STARTS_LOWERCASE = /^\p{Ll}/u
/** A word that may begin a name: capitalised, or in a script without case. */
const STARTS_AS_NAME = /^[\p{Lu}\p{Lt}\p{Lo}]/u
/** A word of a personal name: letters, marks, apostrophes, dots and hyphens. */
const NAME_WORD = /^[\p{L}\p{M}'’.-]+$/u
/** A name written without spaces, in a script without case (`王小明`). */
const UNSPACED_NAME = /^\p{Lo}{2,}$/u
/** A capitalised word of an organisation's name (`Deutsche`, `AT&T`). */
const ORGANISATION_NAME_WORD = /^[\p{Lu}\p{Lt}][\p{L}\p{M}'’.&-]*$/u
/** One capitalised word: `Berlin`. */
const CAPITALISED_WORD = /^\p{Lu}\p{Ll}+$/u
const ACRONYM = /^\p{Lu}{2,5}$/u
const MAX_BYLINE_LENGTH = 160
const MAX_CREDIT_LINE_LENGTH = 300

/**
 * Reads a credit line in the forms newsrooms print: `By A`, `A and B`, `A, B and C, with
 * Reuters`, `Florent Vergnes, with AFP`, `By A | Reuters`, `A / AFP`, `A (AFP)`, `(CNN, AP,
 * Reuters)`, `ab/rt (AP, dpa)`, an agency alone, `Reporting by A; Editing by B`, `A contributed
 * to this report`, `Caroline Hawley, BBC diplomatic correspondent`, `Source: Al Jazeera`, a
 * copyright line, and the same in French, Spanish, Portuguese and German (`Par A et B, avec
 * AFP`, `Por A y B`, `Von A und B, mit Material von dpa`, `Publicado por A`, `Quelle: MDR`).
 * Agencies come from one list (see newsAgencies); beside a named agency, a broadcaster or
 * newspaper credited with it counts as one too. Each author and agency is read once. A newsroom
 * crediting itself (`Redacción`) or a copyright line is a credit line that names no one.
 *
 * @param line - one line of text
 * @param position - how much the line's place says it is a credit (see CreditPosition)
 * @returns the credit, or undefined when the line is not one
 */
export function parseByline(
  line: string,
  position: CreditPosition = 'end',
): ParsedByline | undefined {
  return withDistinctNames(creditAt(readCreditLine(line), position))
}

/** Reads a line as a credit, as {@link parseByline} does. */
export type BylineReader = (line: string, position?: CreditPosition) => ParsedByline | undefined

/**
 * Reads credit lines as {@link parseByline} does, reading each distinct line once however many
 * places ask about it: structuring an article asks about its closing and opening lines several
 * times over (as a credit at the end, under the headline, as a promo's label).
 *
 * @returns a reader for one article's lines
 */
export function bylineReader(): BylineReader {
  const readings = new Map<string, CreditReading | undefined>()
  return (line, position = 'end') => {
    let reading = readings.get(line)
    if (reading === undefined && !readings.has(line)) {
      reading = readCreditLine(line)
      readings.set(line, reading)
    }
    return withDistinctNames(creditAt(reading, position))
  }
}

function withDistinctNames(credit: ParsedByline | undefined): ParsedByline | undefined {
  return (
    credit && {
      ...credit,
      authors: distinctAuthors(credit.authors),
      agencies: distinctAgencies(credit.agencies),
    }
  )
}

/** A line read as a credit wherever it stands, and what its place must outweigh, if anything. */
interface CreditReading {
  credit: ParsedByline
  /** A bare line of names: one that ends like a sentence or shouts is never a credit. */
  bare?: {endsWithDot: boolean; shouted: boolean}
}

/** A reading as a line in that place has it: a bare line of names needs its place to count. */
function creditAt(
  reading: CreditReading | undefined,
  position: CreditPosition,
): ParsedByline | undefined {
  if (!reading?.bare) return reading?.credit
  const {credit, bare} = reading
  if (position === 'marked' || bare.endsWithDot || bare.shouted) return undefined
  if (position === 'top' && !credit.authors.every((name) => name.split(/\s+/).length >= 2)) {
    return undefined
  }
  return credit
}

function readCreditLine(line: string): CreditReading | undefined {
  const trimmed = line.trim()
  if (trimmed.length === 0 || trimmed.length > MAX_CREDIT_LINE_LENGTH) return undefined
  // A closing dot ends the line, except the dot of an initial (`Nicolas Gutierrez C.`).
  const endsWithDot = /[^\s.]\.$/.test(trimmed) && !ENDS_WITH_INITIAL.test(trimmed)
  const text = endsWithDot ? trimmed.slice(0, -1) : trimmed
  // Only a wire trailer, a contributors' line or a copyright line runs longer than a byline.
  if (text.length > MAX_BYLINE_LENGTH && !/ by |contribut|©|copyright|\(c\)/i.test(text)) {
    return undefined
  }
  const special =
    (/ by /i.test(text) ? readRoles(text) : undefined) ??
    (/contribut/i.test(text) ? readContributed(text) : undefined)
  if (special) return {credit: {...special, labelled: true}}
  const copyright = /©|copyright|\(c\)/i.test(text) ? readCopyright(text) : undefined
  if (copyright) return {credit: copyright}
  if (text.length > MAX_BYLINE_LENGTH) return undefined
  if (!endsWithDot && NEWSROOM.test(text) && text.split(/\s+/).length <= 6) {
    return {credit: {authors: [], agencies: newsAgenciesIn(text)}}
  }
  const source = SOURCE.exec(text)
  if (source) {
    const credit = readSource(text.slice(source[0].length))
    return credit && {credit: {...credit, labelled: true}}
  }
  // `AFP/The Local - news@thelocal.se`: how to reach the desk is no credit.
  const credit = text.includes('@') ? text.replace(CONTACT, '') : text
  // Sentence punctuation means prose; a dot is allowed only after an initial (`J. Smith`).
  if (PUNCTUATION.test(credit) && PUNCTUATION.test(credit.replace(INITIALS, '$1'))) return undefined
  const unlabelled = credit.replace(BY, '')
  if (/:/.test(unlabelled) || isProse(unlabelled)) return undefined
  const hasBy = unlabelled !== credit
  const split = splitCredit(unlabelled)
  if (!split) return undefined
  const {credited} = split
  const names = split.names.flatMap(withoutRole)
  if (credited === undefined && names.length > 0 && names.every(isNewsAgency)) {
    return {credit: {authors: [], agencies: [...names, ...(split.roles ?? [])]}}
  }
  if (credited === undefined && names.length === 0 && !split.roles) return undefined
  // Named agencies beside the authors (`By A, Reuters`) are credits too, and so are the agencies
  // a job title names (`Robert Burns, AP National Security Writer`).
  const agencies = [...names.filter(isNewsAgency), ...(split.roles ?? []), ...(credited ?? [])]
  const authors = names.filter((name) => !isNewsAgency(name))
  if (authors.length === 0) return agencies.length > 0 ? {credit: {authors, agencies}} : undefined
  if (!authors.every(isPersonName)) return undefined
  // A bare line of names needs its place to be a credit, and is never a sentence ending in a
  // dot. Wire trailers in capitals (`ENDS`, `MORE`) are not names either.
  const marked = hasBy || agencies.length > 0 || split.roles !== undefined || split.placed === true
  const shouted = authors.every((name) => name === name.toUpperCase() && CAPITAL.test(name))
  const labelled = hasBy || split.roles !== undefined || / \/ /.test(credit)
  if (marked || labelled) return {credit: {authors, agencies, ...(labelled ? {labelled} : {})}}
  return {credit: {authors, agencies}, bare: {endsWithDot, shouted}}
}

/** What a labelled credit line has: a `By`, a source, a role, a contribution, a spaced slash. */
const LABEL_HINT =
  / \/ |contribut| by |correspond|editor|writer|reporter|columnist|analyst|journalist|envoy|rédact|redact|periodista|jornalista|korrespondent|redakteur/i

/**
 * A quick test that a line may be a labelled credit (see `ParsedByline.labelled`), before the
 * line is read in full: most lines of text fail it.
 *
 * @param line - a block's text
 * @returns false when the line cannot be a labelled credit
 */
export function mayBeLabelledCredit(line: string): boolean {
  const text = line.trim()
  return (
    text.length <= MAX_CREDIT_LINE_LENGTH &&
    (BY.test(text) || SOURCE.test(text) || LABEL_HINT.test(text))
  )
}

/**
 * Splits `A, B, with AFP` / `A | Reuters` / `A (AFP)` / `With AFP` / `(AFP)` into the names and
 * the agencies credited with them (`credited` is undefined when there is no agency part), and
 * sets job titles and places aside (`A, BBC diplomatic correspondent`, `A, Berlin`).
 *
 * @returns undefined when an agency part credits something that is not an organisation
 */
function splitCredit(
  text: string,
): {names: string[]; credited?: string[]; roles?: string[]; placed?: boolean} | undefined {
  // `AFP/Reuters`, `det/dpa`: agencies with a desk's initials; `AFP/The Local`: an agency's
  // story as a site ran it, which credits the agency.
  // A spaced slash joins bylines instead: `Anna Smith / AFP`.
  const slashed = text.includes('/')
    ? (agenciesIn(text) ?? organisations(text)?.filter(isNewsAgency))
    : undefined
  const bylines = / \/ /.test(text) && splitNames(text).some(isPersonName)
  if (slashed && !bylines) return {names: [], credited: slashed}
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
    const rest = text.slice(withMatch.index + withMatch[0].length)
    const names = splitNames(text.slice(0, withMatch.index))
    // `Ángeles Escrivá | Madrid`: the desk a reporter files from. `Joe Biden with Zelensky` is
    // no credit: a place follows a bar or a dash, never `with`.
    const placeMark = PLACE_MARK.test(withMatch[0])
    if (placeMark && isPlace(rest) && names.length > 0) return {names, placed: true}
    const credited = organisations(rest)
    return credited && {names, credited}
  }
  const items = splitNames(text)
  // The first item is a name, perhaps with its title run on; later ones may be titles or places.
  const roles = items.filter((item, index) => index > 0 && isRoleDescription(item))
  // A place stands apart, after a comma or a spaced slash: after `and`, a capitalised word is
  // another name (`Joe Biden and Zelensky`), and the line no credit.
  const apart = new Set(text.split(APART).map((part) => part.trim()))
  const places = items.filter((item, index) => apart.has(item) && isPlaceAfter(items, index))
  const names = items.filter((item) => !roles.includes(item) && !places.includes(item))
  // `…und Benedikt Strunz, NDR`: a broadcaster's acronym beside the names credits it.
  const acronyms = names.filter((name, index) => index > 0 && isAcronym(name))
  const people = names.filter((name) => !acronyms.includes(name))
  const placed = places.length > 0
  if (roles.length === 0 && acronyms.length === 0) return {names, placed}
  return {names: people, roles: [...roles.flatMap(newsAgenciesIn), ...acronyms], placed}
}

/**
 * The organisations of an agency part: every one an agency, or a broadcaster or newspaper named
 * beside at least one agency (`CNN, AP, Reuters`, `BBC/AFP`, `KVELLER via JTA`).
 */
function organisations(text: string): string[] | undefined {
  const cleaned = text.replace(BY, '').replace(LEADING_WITH, '')
  const slashed = agenciesIn(cleaned)
  if (slashed) return slashed
  const parts = cleaned
    .split(/\s*[/,]\s*|\s+(?:and|&|et|y|e|und|via)\s+/i)
    .map((part) => part.trim())
    .filter(Boolean)
  if (parts.length === 0 || !parts.some(isNewsAgency)) return undefined
  const named = parts.filter((part) => !isEditorCode(part))
  return named.every((part) => isNewsAgency(part) || isOrganisation(part)) ? named : undefined
}

/** `Source: Al Jazeera News`, `Quelle: MDR THÜRINGEN/ls`, `Via SyndiGate.info`. */
function readSource(text: string): ParsedByline | undefined {
  const parts = text
    .split(/\s*[/,]\s*|\s+(?:and|&|et|y|e|und)\s+/i)
    .map((part) => part.trim())
    .filter((part) => part && !isEditorCode(part))
  if (parts.length === 0 || !parts.every((part) => isNewsAgency(part) || isOrganisation(part))) {
    return undefined
  }
  return {authors: [], agencies: parts}
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
    if (!addNames(credit, splitNames((role[2] ?? '').replace(IN_PLACE, '')))) return undefined
  }
  return credit
}

/** `Alex Isenstadt contributed to this report.`, `AP writers A and B contributed…`. */
function readContributed(text: string): ParsedByline | undefined {
  const who = CONTRIBUTED.exec(text)?.[1]
  if (who === undefined) return undefined
  const credit: ParsedByline = {authors: [], agencies: []}
  // `Associated Press writers A, B and C`: the agency, then its writers.
  const agency = /^(.+?)\s+(?:writers?|reporters?|correspondents?|staff)\s+(.+)$/i.exec(who)
  if (agency && isNewsAgency(agency[1] ?? '')) {
    credit.agencies.push(agency[1] ?? '')
    return addNames(credit, splitNames((agency[2] ?? '').replace(IN_PLACE, '')))
      ? credit
      : undefined
  }
  return addNames(credit, splitNames(who.replace(IN_PLACE, ''))) ? credit : undefined
}

/** A copyright line credits the agencies it names; a picture's copyright is a caption. */
function readCopyright(text: string): ParsedByline | undefined {
  if (!COPYRIGHT.test(text) || !COPYRIGHT_OF_TEXT.test(text) || PICTURE.test(text)) {
    return undefined
  }
  return {authors: [], agencies: newsAgenciesIn(text)}
}

/**
 * Authors once each, in print order: names that differ only in case or spacing are one.
 *
 * @param names - authors as credit lines print them
 * @returns the first printing of each
 */
export function distinctAuthors(names: readonly string[]): string[] {
  return distinctBy(names, comparableText)
}

/**
 * A name or line as credits are compared: case and runs of spaces aside.
 *
 * @param text - a name or a credit line
 * @returns its comparable form
 */
export function comparableText(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ')
}

/**
 * Agencies once each, in print order, under any of their names: `AP` and `Associated Press`
 * are one credit (see agencyKey).
 *
 * @param agencies - agencies as credit lines and datelines print them
 * @returns the first printing of each
 */
export function distinctAgencies(agencies: readonly string[]): string[] {
  return distinctBy(agencies, agencyKey)
}

function distinctBy(names: readonly string[], key: (name: string) => string): string[] {
  const seen = new Set<string>()
  return names.filter((name) => {
    const nameKey = key(name)
    if (seen.has(nameKey)) return false
    seen.add(nameKey)
    return true
  })
}

function addNames(credit: ParsedByline, names: readonly string[]): boolean {
  if (!names.every((name) => isNewsAgency(name) || isPersonName(name))) return false
  for (const name of names) {
    const list = isNewsAgency(name) ? credit.agencies : credit.authors
    if (!list.includes(name)) list.push(name)
  }
  return true
}

function splitNames(text: string): string[] {
  return text
    .split(AND)
    .map((name) => name.trim())
    .filter(Boolean)
}

/**
 * A name with its job title run on, `Richard Adams Education editor` or `LAURE BRETTON Envoyés
 * spéciaux à Toulouse`, is the name: the title starts at its first title word, or the
 * capitalised word before it when the name keeps two words.
 */
function withoutRole(item: string): string[] {
  const words = item.split(/\s+/)
  const role = words.findIndex((word) => ROLE_NOUN.test(word))
  if (role < 2) return [item]
  const start = role >= 3 && STARTS_CAPITAL.test(words[role - 1] ?? '') ? role - 1 : role
  return [words.slice(0, start).join(' ')]
}

/** `BBC diplomatic correspondent`, `Ap National Security Writer`: a job title, not a name. */
function isRoleDescription(item: string): boolean {
  const words = item.split(/\s+/)
  return words.length <= 6 && ROLE_NOUN.test(words.at(-1) ?? '')
}

/** A one-word place after a name: `Markus Balser, Berlin`. Acronyms are organisations. */
function isPlaceAfter(items: readonly string[], index: number): boolean {
  return index > 0 && items.length > 1 && isPlace(items[index] ?? '')
}

/** `NDR`, `BBC`: a broadcaster's or newspaper's initials. */
function isAcronym(item: string): boolean {
  return ACRONYM.test(item)
}

function isPlace(item: string): boolean {
  return CAPITALISED_WORD.test(item.trim()) && !isNewsAgency(item)
}

/** Lowercase words a credit line may hold: joins, particles, a job title's words. */
const CREDIT_LOWERCASE =
  /^(?:and|with|et|y|e|und|en|og|och|i|avec|con|com|mit|via|by|de|van|von|der|den|del|della|di|da|du|des|la|le|al|el|bin|ibn|dos|das|do|zu|af|av|ter|à|in|at|for)$/u
/** Lowercase words beyond which a line reads as prose, not credits. */
const MAX_OTHER_LOWERCASE = 3

/** A line with more lowercase words than a credit line (with a job title) ever has. */
function isProse(text: string): boolean {
  let others = 0
  for (const word of text.split(/\s+/)) {
    if (!STARTS_LOWERCASE.test(word) || CREDIT_LOWERCASE.test(word) || ROLE_NOUN.test(word))
      continue
    if (++others > MAX_OTHER_LOWERCASE) return true
  }
  return false
}

/** A broadcaster or newspaper: one to four capitalised words, or a short acronym. */
function isOrganisation(name: string): boolean {
  const words = name.split(/\s+/)
  return (
    words.length <= 4 &&
    !/\d/.test(name) &&
    words.every((word) => ORGANISATION_NAME_WORD.test(word) || PARTICLES.has(word))
  )
}

/** One to five words, each capitalised (or in a script without case), or a name particle. */
function isPersonName(name: string): boolean {
  const words = name.split(/\s+/)
  // One word is a name only in a script that writes names without spaces (`王小明`).
  const unspaced = words.length === 1 && UNSPACED_NAME.test(name)
  if ((words.length < 2 && !unspaced) || words.length > 5) return false
  if (/\d/.test(name) || /^the\s/i.test(name)) return false
  // A name ends in a name, not a particle: `Ana García y` is a line cut short.
  if (!STARTS_AS_NAME.test(words.at(-1) ?? '')) return false
  if (words.some((word) => ORGANISATION_WORD.test(word.replace(/[-.]/g, '')))) return false
  const capitalised = words.filter((word) => STARTS_AS_NAME.test(word))
  return (
    capitalised.length >= 1 &&
    STARTS_AS_NAME.test(name) &&
    words.every((word) => NAME_WORD.test(word)) &&
    words.every((word) => STARTS_AS_NAME.test(word) || PARTICLES.has(word.toLowerCase()))
  )
}
