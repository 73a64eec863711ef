import {blockText, type TextBlock} from '../parse/TextBlock'
import {deriveTitle} from './deriveTitle'
import {findPromoRuns, type PromoWeight, promoWeight} from './findPromos'
import {isHeadingLike, isHeadlineLike, isNotHeading} from './isHeadingLike'
import {datelineAgencies, trailingCreditAgencies} from './newsAgencies'
import {
  type BylineReader,
  bylineReader,
  comparableText,
  distinctAgencies,
  distinctAuthors,
  mayBeLabelledCredit,
  type ParsedByline,
} from './parseByline'
import {isFormLine, type SignupCopy, signupCopy} from './signupCopy'

/** A headed part of the article; the first may have no heading (the lead). */
export interface StructuredSection {
  heading?: string
  blocks: TextBlock[]
}

/** A place in the sections: before block `index` of section `section`. */
export interface SectionPosition {
  section: number
  index: number
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
   * opened the article), and agencies a dateline or a closing `(FR mit dpa)` names in the text.
   */
  byline?: ParsedByline & {lines: CreditLine[]}
  /**
   * A newsletter promo taken out of the text: its copy, its lines, and where the signup block
   * goes when the promo stood inside the text (absent when it closed the article).
   */
  signup?: {copy: SignupCopy; lines: string[]; at?: SectionPosition}
  /** Other promos taken out of the text (subscriptions, "follow us", plugs), line by line. */
  promoLines?: string[]
  sections: StructuredSection[]
}

/** Words of a publication's name. */
const PUBLICATION_WORD =
  /^(?:digital|online|news|times|post|daily|diario|diário|zeitung|journal|magazine|revista|tribune|herald|gazette|gazeta|noticias|notícias|nachrichten)$/iu

/** Credit lines read at the end of an article, and the blocks under the headline searched. */
const MAX_CREDITS_AT_END = 3
const CREDITS_AT_TOP_WITHIN = 5
const CAPITAL = /\p{Lu}/u
const TWO_CAPITALS = /\p{Lu}{2}/u

/**
 * Gives parsed blocks an article's structure: the headline off the top; credit lines and promos
 * off the end, in whatever order they come; credit lines under the headline; promos inserted in
 * the text; then one section per subheading. A subheading is a Markdown `#`–`###` heading, or a
 * heading-like line between paragraphs; two in a row are a section heading and a subheading.
 *
 * @param blocks - the parsed blocks in reading order
 * @returns the structure; every block's text is in exactly one place of it
 */
export function structureArticle(blocks: readonly TextBlock[]): StructuredArticle {
  const rest = [...blocks]
  // Closing and opening lines are asked about as credits several times: each is read once.
  const readByline = bylineReader()
  // Promos are looked for again as blocks are taken: each line is weighed once. Most lines weigh
  // nothing, so the credit reading that may clear a weighed line comes second.
  const promoLines = new Map<string, PromoWeight>()
  const weigh = (line: string) => {
    if (!promoLines.has(line)) {
      const weight = promoWeight(line)
      promoLines.set(
        line,
        weight !== undefined && canBePromo(line, readByline) ? weight : undefined,
      )
    }
    return promoLines.get(line)
  }
  const headline = isHeadline(rest[0], rest[1], readByline) ? rest.shift() : undefined
  const credits: Credit[] = []
  const promos: Promo[] = []
  // Sign-offs and promos close an article in either order: take them until neither is left.
  for (;;) {
    const taken = takeEndCredits(rest, credits, readByline)
    const trailing = takeClosingPromo(rest, weigh)
    if (trailing) promos.unshift(trailing)
    if (!taken && !trailing) break
  }
  takeTopCredits(rest, credits, headline !== undefined, readByline)
  takeLabelledCredits(rest, credits, readByline)
  promos.push(...takeInsertedPromos(rest, weigh))
  const {sections, positionAfter} = splitSections(rest)
  const lead = sections[0]?.blocks.find((block) => !block.listItem) ?? sections[0]?.blocks[0]
  const byline = withTextCredits(credits, rest)
  const title = headline
    ? {text: blockText(headline), derived: false}
    : {text: lead ? deriveTitle(blockText(lead)) : '', derived: true}
  const newsletter = promos.find((promo) => promo.newsletter)
  const at = newsletter?.after && positionAfter.get(newsletter.after)
  const others = promos.filter((promo) => promo !== newsletter).flatMap((promo) => promo.lines)
  return {
    title,
    ...(byline ? {byline} : {}),
    ...(newsletter
      ? {
          signup: {
            copy: signupCopy(newsletter.lines),
            lines: newsletter.lines,
            ...(at ? {at} : {}),
          },
        }
      : {}),
    ...(others.length > 0 ? {promoLines: others} : {}),
    sections,
  }
}

interface Credit {
  credit: ParsedByline
  line: CreditLine
}

/** Credit lines closing the article: the last blocks, or a name the top credited again. */
function takeEndCredits(blocks: TextBlock[], credits: Credit[], readByline: BylineReader): boolean {
  let taken = false
  while (credits.filter(({line}) => !line.atStart).length < MAX_CREDITS_AT_END) {
    const last = blocks.at(-1)
    const credit =
      last && blocks.length > 1 && isPlain(last)
        ? endCredit(blockText(last), readByline)
        : undefined
    if (!last || !credit) break
    blocks.pop()
    credits.unshift({credit, line: {text: blockText(last), atStart: false}})
    taken = true
  }
  return taken
}

/** A closing line read as a credit, unless it is a promo's button (`Free Sign Up`). */
function endCredit(text: string, readByline: BylineReader): ParsedByline | undefined {
  return isFormLine(text) ? undefined : readByline(text)
}

/**
 * Credit lines under the headline: marked credits among the first blocks; a line of full names
 * opening the text or under the standfirst, with text after it; a contact line (an address, a
 * handle) right under a credit; and a name that repeats one of them as a sign-off further down.
 */
function takeTopCredits(
  blocks: TextBlock[],
  credits: Credit[],
  underHeadline: boolean,
  readByline: BylineReader,
): void {
  const top: Credit[] = []
  for (let index = 0; index < Math.min(CREDITS_AT_TOP_WITHIN, blocks.length - 1); index++) {
    const block = blocks[index]
    const next = blocks[index + 1]
    if (!block || !isPlain(block)) continue
    const text = blockText(block)
    const namesFit = index <= (underHeadline ? 1 : 0) && next !== undefined && !next.listItem
    const credit =
      readByline(text, namesFit ? 'top' : 'marked') ??
      (top.length > 0 && isContactLine(text) ? none() : undefined) ??
      (namesFit && isPublisherLine(text, top.length > 0) ? none() : undefined)
    if (!credit) continue
    top.push({credit, line: {text, atStart: true}})
    blocks.splice(index, 1)
    index--
  }
  credits.unshift(...top)
  const names = new Set(credits.flatMap(({credit}) => credit.authors.map(comparableText)))
  const lines = new Set(top.map(({line}) => comparableText(line.text)))
  if (names.size === 0 && lines.size === 0) return
  // `Kab NIANG` near the end, after `Par Kab Niang` at the top: the same byline, signed off.
  for (let index = blocks.length - 1; index >= Math.max(1, blocks.length - 4); index--) {
    const block = blocks[index]
    if (!block || !isPlain(block)) continue
    const text = blockText(block)
    const repeatsTopLine = lines.size > 0 && lines.has(comparableText(text))
    const credit = repeatsTopLine ? none() : readByline(text, 'end')
    const signedOff =
      repeatsTopLine ||
      (credit !== undefined &&
        credit.authors.length > 0 &&
        credit.authors.every((author) => names.has(comparableText(author))))
    if (!credit || !signedOff) continue
    credits.push({credit, line: {text, atStart: false}})
    blocks.splice(index, 1)
  }
}

/**
 * Credit lines inside the text that say what they are (`Con información de A y B`, `Caroline
 * Hawley, BBC diplomatic correspondent` over an analysis): a labelled credit is one anywhere.
 */
function takeLabelledCredits(
  blocks: TextBlock[],
  credits: Credit[],
  readByline: BylineReader,
): void {
  for (let index = blocks.length - 1; index >= 1; index--) {
    const block = blocks[index]
    if (!block || !isPlain(block) || !mayBeLabelledCredit(blockText(block))) continue
    const credit = readByline(blockText(block), 'marked')
    if (!credit?.labelled) continue
    credits.push({credit, line: {text: blockText(block), atStart: false}})
    blocks.splice(index, 1)
  }
}

/** `bruno.cardoso@redebahia.com.br`, `News reporter @TomGillespie1`: how to reach a byline. */
function isContactLine(text: string): boolean {
  return /^\S+@\S+\.\S+$/.test(text) || (/@\w+$/.test(text) && text.split(/\s+/).length <= 5)
}

/**
 * The publication crediting itself under the headline: its name in capitals (`LA NACION`), or,
 * under a credit line, a name with a publication's word in it (`Página Siete Digital`).
 */
function isPublisherLine(text: string, underCredit: boolean): boolean {
  const words = text.split(/\s+/)
  if (words.length > 4 || /[\d.,;:!?]/.test(text)) return false
  if (text === text.toUpperCase() && TWO_CAPITALS.test(text)) return true
  return underCredit && words.some((word) => PUBLICATION_WORD.test(word))
}

function none(): ParsedByline {
  return {authors: [], agencies: []}
}

/** The promo closing the blocks, taken out. */
function takeClosingPromo(
  blocks: TextBlock[],
  weigh: (line: string) => PromoWeight,
): Promo | undefined {
  const [run] = findPromoRuns(promoCandidates(blocks), weigh, 'trailing')
  if (!run) return undefined
  return {lines: blocks.splice(run.start).map(blockText), newsletter: run.newsletter}
}

/** The promos inserted in the text, taken out, each with the block before it. */
function takeInsertedPromos(blocks: TextBlock[], weigh: (line: string) => PromoWeight): Promo[] {
  const runs = findPromoRuns(promoCandidates(blocks), weigh).filter(
    (run) => run.end < blocks.length,
  )
  const promos: Promo[] = []
  for (const run of runs.reverse()) {
    const after = blocks[run.start - 1]
    const lines = blocks.splice(run.start, run.end - run.start).map(blockText)
    promos.unshift({lines, newsletter: run.newsletter, ...(after ? {after} : {})})
  }
  return promos
}

interface Promo {
  lines: string[]
  newsletter: boolean
  /** The block it followed in the text; absent when it closed the article. */
  after?: TextBlock
}

function promoCandidates(blocks: readonly TextBlock[]): (string | undefined)[] {
  return blocks.map((block) =>
    block.style === 'normal' && !block.listItem ? blockText(block) : undefined,
  )
}

/** Agencies the text itself names: a dateline in the lead, a closing `(FR mit dpa)`. */
function withTextCredits(
  credits: readonly Credit[],
  blocks: readonly TextBlock[],
): StructuredArticle['byline'] {
  // The dateline opens the lead, which may follow a standfirst.
  const opening = blocks.filter((block) => isPlain(block)).slice(0, 2)
  const dateline = opening.flatMap((block) => datelineAgencies(blockText(block))).slice(0, 2)
  const closing = blocks.flatMap((block) =>
    block.style === 'normal' && !block.listItem ? trailingCreditAgencies(blockText(block)) : [],
  )
  if (credits.length === 0 && dateline.length === 0 && closing.length === 0) return undefined
  return {
    authors: distinctAuthors(credits.flatMap(({credit}) => credit.authors)),
    agencies: distinctAgencies([
      ...credits.flatMap(({credit}) => credit.agencies),
      ...dateline,
      ...closing,
    ]),
    lines: credits.map(({line}) => line),
  }
}

function isHeadline(
  first: TextBlock | undefined,
  second: TextBlock | undefined,
  readByline: BylineReader,
): boolean {
  if (!first || !second) return false
  if (first.style === 'h1') return true
  return isHeadlineLike(first) && !readByline(blockText(first), 'marked')
}

/**
 * The sections, and for each block the place just after it, where what followed it in the text
 * goes: after a line that became a section's heading, that section's first place.
 */
function splitSections(blocks: readonly TextBlock[]): {
  sections: StructuredSection[]
  positionAfter: Map<TextBlock, SectionPosition>
} {
  const sections: StructuredSection[] = [{blocks: []}]
  const places: [TextBlock, number, number][] = []
  const roles = headingRoles(blocks)
  blocks.forEach((block, index) => {
    const role = roles[index]
    if (role === 'section') sections.push({heading: blockText(block), blocks: []})
    else sections.at(-1)?.blocks.push(role === 'subheading' ? {...block, style: 'h3'} : block)
    places.push([block, sections.length - 1, sections.at(-1)?.blocks.length ?? 0])
  })
  // Text that opens with a subheading has no headless lead.
  const shift = sections[0]?.blocks.length === 0 && sections.length > 1 ? 1 : 0
  return {
    sections: sections.slice(shift),
    positionAfter: new Map(
      places.map(([block, section, index]) => [block, {section: section - shift, index}]),
    ),
  }
}

/**
 * Which blocks head a section, head part of one, or are text. Between paragraphs, a
 * heading-like line followed by text is a section heading; two in a row are a section heading
 * and the subheading under it — unless the second is a picture credit in capitals (`EL PAÍS`)
 * under a caption, when both are text.
 */
function headingRoles(blocks: readonly TextBlock[]): ('section' | 'subheading' | undefined)[] {
  const roles: ('section' | 'subheading' | undefined)[] = []
  // A line repeated through the text labels something (a speaker's name): it heads nothing.
  const headingLike = blocks.map(isHeadingLike)
  const counts = new Map<string, number>()
  blocks.forEach((block, index) => {
    if (headingLike[index]) counts.set(blockText(block), (counts.get(blockText(block)) ?? 0) + 1)
  })
  const candidates = blocks.map((block, index) => {
    if (!headingLike[index]) return false
    const line = blockText(block)
    return (
      !isNotHeading(line) &&
      (counts.get(line) ?? 0) <= 2 &&
      !(isShouted(line) && line.split(/\s+/).length <= 2)
    )
  })
  const candidate = (index: number) => candidates[index] === true
  const text = (index: number) => index < blocks.length && headingLike[index] === false
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]
    if (block && /^h[1-3]$/.test(block.style)) {
      roles[index] = 'section'
    } else if (index === 0 || !candidate(index) || isAttribution(blocks, index)) {
      roles[index] = undefined
    } else if (text(index + 1)) {
      roles[index] = 'section'
    } else if (candidate(index + 1) && text(index + 2)) {
      const caption = isShouted(blockText(blocks[index + 1] ?? {spans: []}))
      roles[index] = caption ? undefined : 'section'
      roles[index + 1] = caption ? undefined : 'subheading'
      index++
    }
  }
  return roles
}

/** A paragraph in quotation marks from end to end: a quote set apart. */
const FULL_QUOTE = /^["“„«].*["”“»]$/su
/** `A GOP operative in the state`: who said it, in lowercase after an article. */
const SAID_BY =
  /^(?:A|An|The|Un|Une|Una|Um|Uma|Ein|Eine|El|La|Le)\s(?:(?:\p{Ll}[\p{L}'’-]*|\p{Lu}{2,})\s?)+$/u

/**
 * A line under a quote set apart that says who said it (`"Meadows screwed everybody…"`, then
 * `A GOP operative in the state`): it belongs to the quote, and heads nothing.
 */
function isAttribution(blocks: readonly TextBlock[], index: number): boolean {
  const quote = blocks[index - 1]
  const line = blocks[index]
  if (!quote || !line || !FULL_QUOTE.test(blockText(quote).trim())) return false
  return SAID_BY.test(blockText(line).trim())
}

/** A short line all in capitals: `EL PAÍS` under a caption. */
function isShouted(text: string): boolean {
  return text === text.toUpperCase() && CAPITAL.test(text) && text.split(/\s+/).length <= 3
}

/**
 * A plain paragraph, which may be a credit line: an image's description, a table's row or a code
 * block never is (`![Anna Smith](…)` is a photo of her); pasted HTML may be.
 */
function isPlain(block: TextBlock): boolean {
  return (
    block.style === 'normal' &&
    !block.listItem &&
    block.links.length === 0 &&
    (block.from === undefined || block.from === 'html')
  )
}

/**
 * A credit line, even a bare name signing off above a signup form, is no promo; a button label
 * that reads like a name (`Free Sign Up`) is. A promo may carry a link.
 */
function canBePromo(text: string, readByline: BylineReader): boolean {
  return isFormLine(text) || !readByline(text, 'end')
}
