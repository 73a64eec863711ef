import {markdownToPortableText} from '@portabletext/markdown'
import {isPortableTextBlock, isPortableTextSpan, toPlainText} from '@portabletext/toolkit'

import {isAllowedHref} from '../../schemas/constants'
import {ContentKeys} from '../shared/contentKey'
import {joinSoftWraps, linkifyText} from './inlineText'
import type {LinkDef, TextBlock, TextSpan, TextStyle} from './TextBlock'

type MarkdownNode = ReturnType<typeof markdownToPortableText>[number]

const KEPT_DECORATORS = new Set(['strong', 'em'])
const STYLES: TextStyle[] = ['normal', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']

/**
 * Parses Markdown with `@portabletext/markdown` into the same blocks plain text gives. Marks the
 * content model has no place for (code, strike-through…) are dropped but their text is kept;
 * code blocks, HTML and image alt text become paragraphs, so no words are lost. A link to
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
    const text = objectText(node)
    return text ? [{style: 'normal', ...linkifyText(text)}] : []
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

function objectText(node: MarkdownNode): string {
  for (const field of ['code', 'html', 'alt']) {
    const value: unknown = Reflect.get(node, field)
    if (typeof value === 'string' && value.trim()) {
      return joinSoftWraps(field === 'html' ? [value.replace(/<[^>]*>/g, ' ')] : value.split('\n'))
    }
  }
  const content: unknown = Reflect.get(node, 'content')
  return Array.isArray(content) ? joinSoftWraps([toPlainText(content)]) : ''
}

function trimSpans(spans: TextSpan[]): TextSpan[] {
  const first = spans[0]
  if (first) first.text = first.text.trimStart()
  const last = spans.at(-1)
  if (last) last.text = last.text.trimEnd()
  return spans.filter((span) => span.text !== '')
}
