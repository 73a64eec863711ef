import {blockText, type TextBlock} from '../parse/TextBlock'

const MAX_HEADING_LENGTH = 80
const MAX_HEADING_WORDS = 12
const CLOSING_PUNCTUATION = /[.!?…:;,。！？：；，、]["”’)\]」』]*$/u

/**
 * Whether a block reads as a heading rather than prose: a short plain line with no closing
 * sentence punctuation. Whether it is one also depends on where it stands (see structureArticle).
 *
 * @param block - a parsed block
 * @returns true for a heading-shaped block
 */
export function isHeadingLike(block: TextBlock): boolean {
  if (block.style !== 'normal' || block.listItem || block.links.length > 0) return false
  const text = blockText(block).trim()
  return (
    text.length > 0 &&
    text.length <= MAX_HEADING_LENGTH &&
    text.split(/\s+/).length <= MAX_HEADING_WORDS &&
    !CLOSING_PUNCTUATION.test(text)
  )
}
