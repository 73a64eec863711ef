import {blockText, type TextBlock} from '../parse/TextBlock'
import {deriveTitle} from './deriveTitle'
import {detectSignup, SIGNUP_SLOTS, type SignupCopy} from './detectSignup'
import {isHeadingLike} from './isHeadingLike'
import {type ParsedByline, parseByline} from './parseByline'

/** A headed part of the article; the first may have no heading (the lead). */
export interface StructuredSection {
  heading?: string
  blocks: TextBlock[]
}

/** What structuring found in an article's blocks. */
export interface StructuredArticle {
  /** The headline, and whether it was derived from the lead (for an editor to review). */
  title: {text: string; derived: boolean}
  /** The byline, the line it was read from, and whether it opened the article. */
  byline?: ParsedByline & {line: string; atStart: boolean}
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
  const byline = takeByline(rest)
  const sections = splitSections(rest)
  const lead = sections[0]?.blocks.find((block) => !block.listItem) ?? sections[0]?.blocks[0]
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

function takeByline(blocks: TextBlock[]): StructuredArticle['byline'] {
  const last = blocks.at(-1)
  const atEnd =
    last && blocks.length > 1 && isPlain(last) ? parseByline(blockText(last)) : undefined
  if (last && atEnd) {
    blocks.pop()
    return {...atEnd, line: blockText(last), atStart: false}
  }
  const first = blocks[0]
  const atStart =
    first && isPlain(first) ? parseByline(blockText(first), {requireMarker: true}) : undefined
  if (first && atStart) {
    blocks.shift()
    return {...atStart, line: blockText(first), atStart: true}
  }
  return undefined
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
