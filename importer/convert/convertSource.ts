import type {AnyDocuments} from '../documents/articleBody'
import {buildDocuments} from '../documents/buildDocuments'
import type {ImportedDocuments} from '../documents/types'
import {markdownToBlocks} from '../parse/markdownToBlocks'
import {textToBlocks} from '../parse/textToBlocks'
import {decodeText} from '../read/decodeText'
import {splitFrontMatter} from '../read/splitFrontMatter'
import {fileExtension} from '../shared/fileName'
import {sha256Hex} from '../shared/sha256'
import {structureArticle, type StructuredArticle} from '../structure/structureArticle'

/** Provenance stamped on what one file becomes. */
export interface ConvertOptions {
  /** The file's name as given on the command line; `.md`/`.markdown` files are Markdown. */
  fileName: string
  /** ISO timestamp of the import. */
  importedAt: string
  importerVersion: string
  /** The headline an editor gave, over the text's and its front matter's. */
  title?: string
}

/** One source file converted: its documents, the structure found and notes for the report. */
export interface Conversion {
  fileName: string
  documents: ImportedDocuments
  structured: StructuredArticle
  /** Things an editor should look at, such as a headline derived from the lead. */
  notes: string[]
}

/**
 * What an import run keeps of a conversion: the documents, the notes, and how the headline was
 * found, without the structure's blocks. A {@link Conversion} is one; a conversion done on
 * another thread sends this much back, its article split (see `splitArticle`).
 */
export type ConvertedArticle = Pick<Conversion, 'fileName' | 'notes'> & {
  documents: AnyDocuments
  structured: Pick<StructuredArticle, 'title'>
}

const MARKDOWN = new Set(['.md', '.markdown'])

/**
 * Converts one source file — plain wire text or Markdown — into Sanity documents. Pure: bytes
 * in, documents out; reading files and writing documents happen elsewhere.
 *
 * @param bytes - the file's contents
 * @param options - its name and the import's provenance
 * @returns the documents and what was found
 * @throws ImportError naming the file (and line or byte) for input that is not an article
 */
export function convertSource(bytes: Uint8Array, options: ConvertOptions): Conversion {
  const {fileName} = options
  const sourceSha256 = sha256Hex(bytes)
  const sourceText = decodeText(bytes, fileName)
  const split = splitFrontMatter(sourceText, fileName)
  const {body} = split
  const frontMatter = options.title
    ? {...split.frontMatter, title: options.title}
    : split.frontMatter
  const isMarkdown = MARKDOWN.has(fileExtension(fileName).toLowerCase())
  const parsed = isMarkdown
    ? markdownToBlocks(body)
    : {blocks: textToBlocks(body), linksLeftOut: []}
  const structured = structureArticle(parsed.blocks)
  const documents = buildDocuments({...options, sourceSha256, sourceText, frontMatter, structured})
  const notes: string[] = []
  if (!frontMatter.title && structured.title.derived) {
    notes.push(`headline derived from the lead, review it: "${documents.article.title}"`)
  }
  if (!structured.byline && !frontMatter.authors && !frontMatter.agencies) {
    notes.push('no credit found: add an author or an agency')
  }
  if (structured.signup) {
    notes.push(
      `newsletter promo moved into a signup block: "${structured.signup.copy.heading}"; check the newsletter it points to`,
    )
  }
  for (const href of parsed.linksLeftOut) {
    notes.push(`link to "${href}" left out: only http, https and mailto links are kept`)
  }
  if (structured.promoLines) {
    const count = structured.promoLines.length
    notes.push(
      `${count} promo ${count === 1 ? 'line' : 'lines'} taken out of the text, kept in the import source: "${structured.promoLines[0]}"${count > 1 ? '…' : ''}`,
    )
  }
  return {fileName, documents, structured, notes}
}
