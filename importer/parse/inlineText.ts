import {ContentKeys} from '../shared/contentKey'
import type {LinkDef, TextSpan} from './TextBlock'

// Dashes, ellipses and full-width punctuation never belong to an address in running text.
const URL_PATTERN = /https?:\/\/[^\s<>"“”‘’—–…。，、！？；：（）「」]+/gu
const TRAILING_PUNCTUATION = /[.,;:!?'")\]}]+$/

/**
 * Joins the lines of a block (single line breaks are soft wraps) and collapses runs of spaces
 * and tabs. Non-breaking spaces, curly quotes, dashes and ellipses are kept exactly.
 *
 * @param lines - the block's lines
 * @returns one line of text
 */
export function joinSoftWraps(lines: readonly string[]): string {
  return lines
    .map((line) =>
      (line.includes('  ') || line.includes('\t') ? line.replace(/[ \t]+/g, ' ') : line).trim(),
    )
    .filter((line) => line !== '')
    .join(' ')
}

/**
 * Splits text into spans, turning bare http(s) URLs into link annotations. Punctuation that
 * ends a sentence after a URL stays outside the link; balanced parentheses stay inside.
 *
 * @param text - one block's text
 * @returns spans and the links they refer to
 */
export function linkifyText(text: string): {spans: TextSpan[]; links: LinkDef[]} {
  // Most paragraphs have no address: skip the scan for one.
  if (!text.includes('http')) return {spans: [{text, marks: []}], links: []}
  const spans: TextSpan[] = []
  const links: LinkDef[] = []
  const keys = new ContentKeys()
  let position = 0
  for (const match of text.matchAll(URL_PATTERN)) {
    const href = trimUrl(match[0])
    if (!isWebAddress(href)) continue
    const start = match.index
    if (start > position) spans.push({text: text.slice(position, start), marks: []})
    const key = keys.next(href)
    links.push({key, href})
    spans.push({text: href, marks: [key]})
    position = start + href.length
  }
  if (position < text.length || spans.length === 0) {
    spans.push({text: text.slice(position), marks: []})
  }
  return {spans, links}
}

/** Only addresses with a host become links; `https://` alone stays text. */
function isWebAddress(href: string): boolean {
  try {
    return new URL(href).hostname !== ''
  } catch {
    return false
  }
}

function trimUrl(url: string): string {
  let trimmed = url
  while (TRAILING_PUNCTUATION.test(trimmed)) {
    const last = trimmed.at(-1)
    if (last === ')' && count(trimmed, '(') >= count(trimmed, ')')) break
    trimmed = trimmed.slice(0, -1)
  }
  return trimmed
}

function count(text: string, character: string): number {
  return text.split(character).length - 1
}
