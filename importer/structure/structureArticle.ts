import {blockText, type TextBlock} from '../parse/TextBlock'
import {deriveTitle} from './deriveTitle'
import {detectSignup, SIGNUP_SLOTS, type SignupCopy} from './detectSignup'
import {isHeadingLike} from './isHeadingLike'
import {datelineAgencies} from './newsAgencies'
import {type ParsedByline, parseByline} from './parseByline'

/** A headed part of the article; the first may have no heading (the lead). */
export interface StructuredSection {
  heading?: string
  blocks: TextBlock[]
}

/** A credit line taken out of the text. */
export interface CreditLine {
  text: string
  /** Whether it stood at the top of the article rather than at the end. */
  atStart: boolean
}

/** What structuring found in an article's blocks. */
export interface StructuredArticle {
  /** The headline, and whether it was derived from the lead (for an editor to review). */
  title: {text: string; derived: boolean}
  /**
   * The credit: the lines it was read from (taken out of the text, as printed, and whether each
   * opened the article) and a lead's agency dateline (`PARIS (Reuters) -`, left in the text).
   */
  byline?: ParsedByline & {lines: CreditLine[]}
  /** Newsletter-signup copy taken off the end, and its lines. */
  signup?: {copy: SignupCopy; lines: string[]}
  sections: StructuredSection[]
}

/**
 * Gives parsed blocks an article's structure: signup boilerplate off the end, the byline off
 * the end (or the very start), the headline off the top, then one section per subheading. A
 * subheading is a Markdown `#`–`###` heading, or a heading-like line between paragraphs.
 *
 * @param blocks - the parsed blocks in reading order
 * @returns the structure; every block's text is in exactly one place of it
 */
export function structureArticle(blocks: readonly TextBlock[]): StructuredArticle {
  const rest = [...blocks]
  const signup = takeSignup(rest)
  const headline = isHeadline(rest[0], rest[1]) ? rest.shift() : undefined
  const credits = takeCredits(rest)
  const sections = splitSections(rest)
  const lead = sections[0]?.blocks.find((block) => !block.listItem) ?? sections[0]?.blocks[0]
  const byline = withDateline(credits, lead)
  const title = headline
    ? {text: blockText(headline), derived: false}
    : {text: lead ? deriveTitle(blockText(lead)) : '', derived: true}
  return {title, ...(byline ? {byline} : {}), ...(signup ? {signup} : {}), sections}
}

function takeSignup(blocks: TextBlock[]): StructuredArticle['signup'] {
  // A form has at most one line per slot, so only the last few blocks can be part of it.
  const tail = blocks.slice(-SIGNUP_SLOTS)
  const found = detectSignup(tail.map((block) => (isPlain(block) ? blockText(block) : '')))
  if (!found) return undefined
  const lines = blocks.splice(blocks.length - found.lineCount).map(blockText)
  return {copy: found.copy, lines}
}

/** Credit lines at the end, and a marked one (`By A`) among the first blocks. */
const MAX_CREDITS_AT_END = 2
const CREDIT_AT_START_WITHIN = 3

function takeCredits(blocks: TextBlock[]): StructuredArticle['byline'] {
  const found: {credit: ParsedByline; line: CreditLine}[] = []
  for (let taken = 0; taken < MAX_CREDITS_AT_END && blocks.length > 1; taken++) {
    const last = blocks.at(-1)
    const credit = last && isPlain(last) ? parseByline(blockText(last)) : undefined
    if (!last || !credit) break
    blocks.pop()
    found.unshift({credit, line: {text: blockText(last), atStart: false}})
  }
  const start = blocks
    .slice(0, CREDIT_AT_START_WITHIN)
    .findIndex((block) => isPlain(block) && parseByline(blockText(block), {requireMarker: true}))
  const first = start >= 0 && blocks.length > 1 ? blocks[start] : undefined
  const credit = first && parseByline(blockText(first), {requireMarker: true})
  if (first && credit) {
    blocks.splice(start, 1)
    found.unshift({credit, line: {text: blockText(first), atStart: true}})
  }
  if (found.length === 0) return undefined
  return {
    authors: unique(found.flatMap(({credit}) => credit.authors)),
    agencies: unique(found.flatMap(({credit}) => credit.agencies)),
    lines: found.map(({line}) => line),
  }
}

/** The agencies of a lead's dateline join the credit; the dateline stays in the text. */
function withDateline(
  byline: StructuredArticle['byline'],
  lead: TextBlock | undefined,
): StructuredArticle['byline'] {
  const dateline = lead && isPlain(lead) ? datelineAgencies(blockText(lead)) : []
  if (dateline.length === 0) return byline
  const credit = byline ?? {authors: [], agencies: [], lines: []}
  return {...credit, agencies: unique([...credit.agencies, ...dateline])}
}

/** Names once each, in order; a repeat in other case or spacing is the same name. */
function unique(names: readonly string[]): string[] {
  const seen = new Set<string>()
  return names.filter((name) => {
    const key = name.toLowerCase().replace(/\s+/g, ' ')
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function isHeadline(first: TextBlock | undefined, second: TextBlock | undefined): boolean {
  if (!first || !second) return false
  if (first.style === 'h1') return true
  return isHeadingLike(first) && !parseByline(blockText(first), {requireMarker: true})
}

function splitSections(blocks: readonly TextBlock[]): StructuredSection[] {
  const sections: StructuredSection[] = [{blocks: []}]
  blocks.forEach((block, index) => {
    if (startsSection(block, blocks[index - 1], blocks[index + 1])) {
      sections.push({heading: blockText(block), blocks: []})
      return
    }
    sections.at(-1)?.blocks.push(block)
  })
  // Text that opens with a subheading has no headless lead.
  return sections[0]?.blocks.length === 0 && sections.length > 1 ? sections.slice(1) : sections
}

function startsSection(block: TextBlock, before?: TextBlock, after?: TextBlock): boolean {
  if (block.style === 'h1' || block.style === 'h2' || block.style === 'h3') return true
  return Boolean(before && after && isHeadingLike(block) && !isHeadingLike(after))
}

function isPlain(block: TextBlock): boolean {
  return block.style === 'normal' && !block.listItem && block.links.length === 0
}
