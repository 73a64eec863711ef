import type {TextBlock} from '../parse/TextBlock'
import {ContentKeys} from '../shared/contentKey'
import type {BlockInput} from './types'

/**
 * Turns parsed blocks into Portable Text blocks with content-derived keys. Headings below the
 * section level (Markdown `####`…) keep their emphasis as the `h3` style sections allow.
 *
 * @param blocks - the blocks of one section
 * @param keys - the key allocator of the section's content array
 * @returns Portable Text blocks in the same order
 */
export function toPortableText(blocks: readonly TextBlock[], keys: ContentKeys): BlockInput[] {
  return blocks.map((block) => {
    const spanKeys = new ContentKeys()
    const text = block.spans.map((span) => span.text).join('')
    const style =
      block.style === 'blockquote' ? 'blockquote' : block.style === 'normal' ? 'normal' : 'h3'
    // Keys in sorted order, so hashing the content in canonical form needs no reordered copy.
    const children: NonNullable<BlockInput['children']> = mergeSpans(block).map((span) => ({
      _key: spanKeys.next(span.text),
      _type: 'span',
      marks: span.marks,
      text: span.text,
    }))
    const markDefs: NonNullable<BlockInput['markDefs']> = block.links.map((link) => ({
      _key: link.key,
      _type: 'link',
      href: link.href,
    }))
    const _key = keys.next(text)
    return block.listItem
      ? {_key, _type: 'block', children, level: 1, listItem: block.listItem, markDefs, style}
      : {_key, _type: 'block', children, markDefs, style}
  })
}

/** Adjacent spans with the same marks become one, so the same text always gives the same block. */
function mergeSpans(block: TextBlock): TextBlock['spans'] {
  const merged: TextBlock['spans'] = []
  for (const span of block.spans) {
    const previous = merged.at(-1)
    if (previous && previous.marks.join() === span.marks.join()) previous.text += span.text
    else merged.push({text: span.text, marks: [...span.marks]})
  }
  return merged
}
