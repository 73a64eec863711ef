import {markdownToPortableText} from '@portabletext/markdown'
import {isPortableTextBlock, isPortableTextSpan, toPlainText} from '@portabletext/toolkit'

import {isRecord} from '../../dataset/guards'
import {isAllowedHref} from '../../schemas/constants'
import {ContentKeys} from '../shared/contentKey'
import {joinSoftWraps, linkifyText} from './inlineText'
import type {LinkDef, TextBlock, TextSpan, TextStyle} from './TextBlock'

type MarkdownNode = ReturnType<typeof markdownToPortableText>[number]
type CellBlocks = Parameters<typeof toPlainText>[0]

const KEPT_DECORATORS = new Set(['strong', 'em'])
const STYLES: TextStyle[] = ['normal', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']

/**
 * Parses Markdown with `@portabletext/markdown` into the same blocks plain text gives. Marks the
 * content model has no place for (code, strike-through…) are dropped but their text is kept;
 * code blocks, HTML, an image's description and title, and each row of a table become
 * paragraphs, which never head a section, so no words are lost. A link to
 * anything but an http, https or mailto address (`javascript:`, `tel:`, a relative path) keeps
 * its text but not its link, which is listed for the editor instead.
 *
 * @param markdown - the article text, front matter removed
 * @returns the blocks in reading order, and the addresses of the links left out
 */
export function markdownToBlocks(markdown: string): {blocks: TextBlock[]; linksLeftOut: string[]} {
  const linksLeftOut: string[] = []
  const blocks = markdownToPortableText(markdown).flatMap((node) =>
    toTextBlocks(node, linksLeftOut),
  )
  return {blocks, linksLeftOut}
}

function toTextBlocks(node: MarkdownNode, linksLeftOut: string[]): TextBlock[] {
  if (!isPortableTextBlock(node)) {
    return objectTexts(node).map(({text, from}) => ({
      style: 'normal',
      ...linkifyText(text),
      ...(from ? {from} : {}),
    }))
  }
  const keys = new ContentKeys()
  const links: LinkDef[] = []
  const keyFor = new Map<string, string>()
  for (const definition of node.markDefs ?? []) {
    const href: unknown = definition['href']
    if (definition._type !== 'link' || typeof href !== 'string' || !href) continue
    if (!isAllowedHref(href)) {
      linksLeftOut.push(href)
      continue
    }
    const key = keys.next(href)
    keyFor.set(definition._key, key)
    links.push({key, href})
  }
  const spans: TextSpan[] = []
  for (const child of node.children) {
    if (!isPortableTextSpan(child)) continue
    const marks = (child.marks ?? []).flatMap((mark) =>
      KEPT_DECORATORS.has(mark) ? [mark] : (keyFor.get(mark) ?? []),
    )
    spans.push({text: withoutLineBreaks(child.text).replace(/[ \t]+/g, ' '), marks})
  }
  const style = STYLES.find((candidate) => candidate === node.style) ?? 'normal'
  const listItem =
    node.listItem === 'bullet' || node.listItem === 'number' ? node.listItem : undefined
  return [{style, ...(listItem ? {listItem} : {}), spans: trimSpans(spans), links}]
}

/**
 * The text of a Markdown object, as paragraphs: a code block's or HTML's, an image's description
 * and title (`Delegates arrive (Photo: Reuters)`), each row of a table with its cells between
 * bars. An HTML comment has none.
 */
function objectTexts(node: MarkdownNode): {text: string; from?: TextBlock['from']}[] {
  const field = (name: string) => {
    const value: unknown = Reflect.get(node, name)
    return typeof value === 'string' ? value.trim() : ''
  }
  const paragraph = (text: string, from?: TextBlock['from']) =>
    text ? [{text, ...(from ? {from} : {})}] : []
  const [code = '', html = '', alt = '', title = ''] = ['code', 'html', 'alt', 'title'].map(field)
  if (code) return paragraph(joinSoftWraps(code.split('\n')), 'code')
  if (html) return paragraph(joinSoftWraps([htmlText(html)]), 'html')
  if (alt || title) return paragraph(alt && title ? `${alt} (${title})` : alt || title, 'image')
  const rows: unknown = Reflect.get(node, 'rows')
  if (Array.isArray(rows)) {
    return rows.flatMap((row: unknown) =>
      paragraph(
        cellsOf(row)
          .map((cell) => joinSoftWraps([toPlainText(cell)]))
          .join(' | ')
          .trim(),
        'table',
      ),
    )
  }
  // A callout's or a nested item's blocks are prose, read as any paragraph is.
  const content: unknown = Reflect.get(node, 'content')
  return Array.isArray(content) ? paragraph(joinSoftWraps([toPlainText(content)])) : []
}

/** What follows the `<` of a tag, a closing tag, a comment or a declaration. */
const TAG_START = /^[A-Za-z/!?]$/

/**
 * HTML as a reader sees it: tags and comments taken out, an image's description kept in its
 * place. A `<` that starts no tag, or that no `>` closes, is text. Found with `indexOf`, so the
 * time is linear in the input whatever it holds, as a pattern over the whole of it would not be.
 */
function htmlText(html: string): string {
  let text = ''
  let at = 0
  while (at < html.length) {
    const open = html.indexOf('<', at)
    if (open === -1) return text + html.slice(at)
    // `5 < 6`: a tag's name follows its `<` at once.
    if (!TAG_START.test(html.charAt(open + 1))) {
      text += html.slice(at, open + 1)
      at = open + 1
      continue
    }
    const comment = html.startsWith('<!--', open)
    const close = comment ? html.indexOf('-->', open + 4) : html.indexOf('>', open + 1)
    if (close === -1) return text + html.slice(at)
    text += `${html.slice(at, open)} ${comment ? '' : imageDescription(html.slice(open, close + 1))} `
    at = comment ? close + 3 : close + 1
  }
  return text
}

/** An `<img>` tag's `alt` text, or nothing for another tag. */
function imageDescription(tag: string): string {
  if (!/^<img\b/i.test(tag)) return ''
  const attribute = /\balt\s*=\s*/i.exec(tag)
  if (!attribute) return ''
  const start = attribute.index + attribute[0].length
  const quote = tag[start]
  if (quote !== '"' && quote !== "'") return ''
  const end = tag.indexOf(quote, start + 1)
  return end === -1 ? '' : tag.slice(start + 1, end)
}

/** A table row's cells, each its blocks. */
function cellsOf(row: unknown): CellBlocks[] {
  const cells: unknown = isRecord(row) ? row['cells'] : undefined
  if (!Array.isArray(cells)) return []
  return cells.flatMap((cell: unknown) => {
    const value: unknown = isRecord(cell) ? cell['value'] : undefined
    return Array.isArray(value) ? [value.filter(isPortableTextBlock)] : []
  })
}

/**
 * Text with each run of white space that breaks a line made one space. Runs are matched whole,
 * so a long run without a break costs one pass: `\s*\n\s*` tried it again from every place in it.
 */
function withoutLineBreaks(text: string): string {
  return text.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run))
}

function trimSpans(spans: TextSpan[]): TextSpan[] {
  const first = spans[0]
  if (first) first.text = first.text.trimStart()
  const last = spans.at(-1)
  if (last) last.text = last.text.trimEnd()
  return spans.filter((span) => span.text !== '')
}
