import {type InputProps, isArrayOfBlocksInputProps, type OnPasteFn} from 'sanity'

import {toPortableText} from '../../importer/documents/toPortableText'
import type {BlockInput} from '../../importer/documents/types'
import {textToBlocks} from '../../importer/parse/textToBlocks'
import {ContentKeys} from '../../importer/shared/contentKey'

/**
 * Plain text of several paragraphs as the importer reads it: one block per paragraph, `- ` and
 * `1.` lines as list items, `> ` lines as quotes, addresses as links, and headings as the
 * section's subheadings. One line of text is left to the editor's own paste.
 *
 * @param text - the pasted plain text
 * @param newKey - a fresh key for each block, so no pasted block takes an existing one's key
 * @returns the blocks, or undefined for a single line
 */
export function pastedTextBlocks(
  text: string,
  newKey: () => string = randomKey,
): BlockInput[] | undefined {
  const body = text.replace(/\r\n?/g, '\n')
  if (!body.trim().includes('\n')) return undefined
  const blocks = toPortableText(textToBlocks(body), new ContentKeys())
  return blocks.length > 0 ? blocks.map((block) => ({...block, _key: newKey()})) : undefined
}

/**
 * The paste handler of a section's text: plain text becomes blocks as pastedTextBlocks reads
 * it; anything with HTML is left to Sanity's own paste, which keeps its formatting.
 */
export const pasteWireCopy: OnPasteFn = ({event}) => {
  const data = event.clipboardData
  if (data.types.includes('text/html')) return undefined
  const insert = pastedTextBlocks(data.getData('text/plain'))
  return insert ? {insert} : undefined
}

/**
 * The Studio's inputs, with every Portable Text input (a section's text) pasting plain text as
 * the importer reads it.
 *
 * @param props - any input's props
 * @returns the input Sanity renders, with the paste handler on Portable Text
 */
export function WireCopyPasteInput(props: InputProps) {
  return isArrayOfBlocksInputProps(props)
    ? props.renderDefault({...props, onPaste: pasteWireCopy})
    : props.renderDefault(props)
}

function randomKey(): string {
  return crypto.randomUUID().replaceAll('-', '').slice(0, 12)
}
