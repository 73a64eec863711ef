import {joinSoftWraps, linkifyText} from './inlineText'
import type {TextBlock, TextStyle} from './TextBlock'

const BULLET = /^[ \t]*[-*•][ \t]+/
const FOOTNOTE = /^\*[ \t]+\p{Lu}.*[.!?]$/u
const NUMBERED = /^[ \t]*\d{1,3}[.)][ \t]+/
const QUOTE = /^[ \t]*>[ \t]?/
const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/

interface RawBlock {
  lines: string[]
  line: number
}

/**
 * Parses plain wire text into blocks. Blank lines separate blocks and single line breaks are
 * soft wraps; `- `, `* `, `• ` lines are bullet items (but a lone `* ` sentence is a footnote), `1.` / `1)` lines numbered items, `> `
 * lines a blockquote and `#`–`######` lines headings. Everything else is a paragraph; telling
 * subheadings from paragraphs needs their neighbours, so that is left to structuring.
 *
 * @param body - the article text, LF line endings, front matter removed
 * @returns the blocks in reading order, each with the line it starts on
 */
export function textToBlocks(body: string): TextBlock[] {
  return splitRawBlocks(body).flatMap(parseRawBlock)
}

function splitRawBlocks(body: string): RawBlock[] {
  const blocks: RawBlock[] = []
  let current: RawBlock | undefined
  body.split('\n').forEach((text, index) => {
    if (text.trim() === '') {
      current = undefined
      return
    }
    if (!current) {
      current = {lines: [], line: index + 1}
      blocks.push(current)
    }
    current.lines.push(text)
  })
  return blocks
}

function parseRawBlock({lines, line}: RawBlock): TextBlock[] {
  const first = lines[0] ?? ''
  // `* Cet article a été mis à jour.` alone is a footnote, its star part of the text.
  if (BULLET.test(first) && !(lines.length === 1 && FOOTNOTE.test(first))) {
    return listItems(lines, line, BULLET, 'bullet')
  }
  if (NUMBERED.test(first)) return listItems(lines, line, NUMBERED, 'number')
  if (lines.every((text) => QUOTE.test(text))) {
    return [
      textBlock(
        lines.map((text) => text.replace(QUOTE, '')),
        'blockquote',
        line,
      ),
    ]
  }
  const heading = HEADING.exec(first)
  if (heading && lines.length === 1) {
    const level = heading[1]?.length ?? 1
    return [textBlock([heading[2] ?? ''], headingStyle(level), line)]
  }
  return [textBlock(lines, 'normal', line)]
}

/** Items start at each marker line; other lines continue the item above (soft wraps). */
function listItems(
  lines: string[],
  line: number,
  marker: RegExp,
  listItem: 'bullet' | 'number',
): TextBlock[] {
  const items: {lines: string[]; line: number}[] = []
  lines.forEach((text, index) => {
    const last = items.at(-1)
    if (marker.test(text) || !last)
      items.push({lines: [text.replace(marker, '')], line: line + index})
    else last.lines.push(text)
  })
  return items.map((item) => ({...textBlock(item.lines, 'normal', item.line), listItem}))
}

function textBlock(lines: string[], style: TextStyle, line: number): TextBlock {
  return {style, ...linkifyText(joinSoftWraps(lines)), line}
}

function headingStyle(level: number): TextStyle {
  return level === 1
    ? 'h1'
    : level === 2
      ? 'h2'
      : level === 3
        ? 'h3'
        : level === 4
          ? 'h4'
          : level === 5
            ? 'h5'
            : 'h6'
}
