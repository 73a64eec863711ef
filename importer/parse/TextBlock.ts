/** Styles a parsed block can have before structuring; `h1`–`h6` come from Markdown headings. */
export type TextStyle = 'normal' | 'blockquote' | 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6'

/** A run of text with the same marks: decorators (`strong`, `em`) and link keys. */
export interface TextSpan {
  text: string
  marks: string[]
}

/** A link annotation, referred to from span marks by its key. */
export interface LinkDef {
  key: string
  href: string
}

/** One block of a parsed source: a paragraph, heading, quote or list item. */
export interface TextBlock {
  style: TextStyle
  listItem?: 'bullet' | 'number'
  spans: TextSpan[]
  links: LinkDef[]
  /** 1-based line of the source body where the block starts, when known. */
  line?: number
  /**
   * What in the Markdown the text came from when it was no paragraph: an image's description, a
   * code block, a table's row or HTML. Kept as text, such a block never heads a section.
   */
  from?: 'image' | 'code' | 'table' | 'html'
}

/**
 * The plain text of a block, spans joined.
 *
 * @param block - a parsed block
 * @returns its text
 */
export function blockText(block: Pick<TextBlock, 'spans'>): string {
  const [only] = block.spans
  if (block.spans.length === 1 && only) return only.text
  return block.spans.map((span) => span.text).join('')
}
