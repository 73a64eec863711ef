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
    spans.push({text: child.text.replace(/\s*\n\s*/g, ' ').replace(/[ \t]+/g, ' '), marks})
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
  if (field('code')) return paragraph(joinSoftWraps(field('code').split('\n')), 'code')
  if (field('html')) {
    return paragraph(
      joinSoftWraps([field('html').replace(/<!--[\s\S]*?-->|<[^>]*>/g, ' ')]),
      'html',
    )
  }
  if (field('alt') || field('title')) {
    const [alt, title] = [field('alt'), field('title')]
    return paragraph(alt && title ? `${alt} (${title})` : alt || title, 'image')
  }
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

/** A table row's cells, each its blocks. */
function cellsOf(row: unknown): CellBlocks[] {
  const cells: unknown = isRecord(row) ? row['cells'] : undefined
  if (!Array.isArray(cells)) return []
  return cells.flatMap((cell: unknown) => {
    const value: unknown = isRecord(cell) ? cell['value'] : undefined
    return Array.isArray(value) ? [value.filter(isPortableTextBlock)] : []
  })
}

function trimSpans(spans: TextSpan[]): TextSpan[] {
  const first = spans[0]
  if (first) first.text = first.text.trimStart()
  const last = spans.at(-1)
  if (last) last.text = last.text.trimEnd()
  return spans.filter((span) => span.text !== '')
}
