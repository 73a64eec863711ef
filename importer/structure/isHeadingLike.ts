import {blockText, type TextBlock} from '../parse/TextBlock'

const MAX_HEADING_LENGTH = 100
const MAX_HEADING_WORDS = 12
/** A question heads a section only when it is short: a long one is a paragraph asking it. */
const MAX_QUESTION_LENGTH = 80
const MAX_QUESTION_WORDS = 12
const MAX_HEADLINE_LENGTH = 200
const MAX_HEADLINE_WORDS = 32
const CLOSING_PUNCTUATION = /[.!…:;,。！：；，、]["”’»)\]」』]*$/u
const QUESTION = /[?？]["”’»)\]」』]*$/u
const OPENING_QUOTE = /^["“„«‘']/u
/** A question put to someone (`Streben Sie …?`, `Pourquoi …, selon vous ?`): an interview's. */
const TO_YOU = /\b(?:you|your|sie|ihre?n?|vous|votre|usted|tu|você|vocês)\b/iu
/**
 * What marks a caption or a picture credit (`© AFP / WANG ZHAO`, `Foto: CC-BY David Merrigan`,
 * `(Foto: Captura de pantalla)`, `(AP Photo/Evan Vucci)`, `Getty Images`), a separator (`___`),
 * an aside (`(Graphic: … - here)`), a live report's status label (`Update`, `Erstmeldung`) or a
 * web page's furniture pasted with the text (`Advertisement`, `Share this article`, `5 min read`).
 */
const NOT_HEADING = new RegExp(
  [
    String.raw`©|^(?:erstmeldung|ursprungsmeldung|eilmeldung|update|original (?:story|report)|breaking(?: news)?)$`,
    String.raw`|\((?:c|foto|photo|bild|imagen|imagem|graphic|grafik|video|symbolfoto|symbolbild)\b`,
    String.raw`|\b(?:foto|photo|fotos|photos|bild|bildrechte|imagen|imagem|image|credit|crédit)\s*[:/]`,
    String.raw`|\b(?:getty images|picture alliance|istock|shutterstock)\b`,
    String.raw`|^(?:photo|foto|image|bild|imagen)\b|^via\s|^\P{L}*$`,
    String.raw`|^(?:advertisement|anzeige|publicidad|publicité|share this article|listen to this article|\d+ min(?:ute)?s? read)$`,
  ].join(''),
  'iu',
)

/**
 * Whether a block reads as a heading rather than prose: a short plain line with no closing
 * sentence punctuation, or a short question. Whether it is one also depends on where it stands
 * (see structureArticle).
 *
 * @param block - a parsed block
 * @returns true for a heading-shaped block
 */
export function isHeadingLike(block: TextBlock): boolean {
  if (!isBareLine(block)) return false
  const text = blockText(block).trim()
  // Length first: most blocks are paragraphs, too long to be worth splitting into words.
  if (text.length === 0 || text.length > MAX_HEADING_LENGTH) return false
  const words = text.split(/\s+/).length
  if (words > MAX_HEADING_WORDS) return false
  if (QUESTION.test(text)) {
    return (
      text.length <= MAX_QUESTION_LENGTH &&
      words <= MAX_QUESTION_WORDS &&
      !OPENING_QUOTE.test(text) &&
      !TO_YOU.test(text)
    )
  }
  return !CLOSING_PUNCTUATION.test(text)
}

/**
 * Whether a heading-shaped line is a caption, a picture credit or a separator, which stay text.
 *
 * @param text - a block's text
 * @returns true for `© picture alliance/dpa`, `Photo iStock`, `___`
 */
export function isNotHeading(text: string): boolean {
  return NOT_HEADING.test(text.trim())
}

/**
 * Whether the first block reads as the headline: one line, up to 200 characters, that does not
 * end a sentence with a full stop (a headline may ask, exclaim or quote), and is no caption.
 *
 * @param block - the first parsed block
 * @returns true for a headline-shaped block
 */
export function isHeadlineLike(block: TextBlock): boolean {
  if (!isBareLine(block)) return false
  const text = blockText(block).trim()
  return (
    text.length > 0 &&
    text.length <= MAX_HEADLINE_LENGTH &&
    text.split(/\s+/).length <= MAX_HEADLINE_WORDS &&
    !/[.…:;,。：；，、]["”’»)\]」』]*$/u.test(text) &&
    !isNotHeading(text)
  )
}

/**
 * A line as it was typed: a normal paragraph, no list item, no link, and not text kept from an
 * image, code, a table or HTML. Only such a line may head a section or the article.
 */
function isBareLine(block: TextBlock): boolean {
  return block.style === 'normal' && !block.listItem && block.links.length === 0 && !block.from
}
