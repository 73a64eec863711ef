import type {ImportedDocuments} from '../documents/types'
import {convertSource} from './convertSource'

/**
 * The importer's version, recorded in each article's `source`: the package's own, so that an
 * article made in the Studio and one made by `npm run import` are the same documents.
 */
export const IMPORTER_VERSION = '0.1.0'

/** What to call the text and when it was converted. */
export interface ConvertArticleOptions {
  /**
   * The text's file name (`kursk-advance.txt`): it gives the article its id, and a `.md` or
   * `.markdown` name reads the text as Markdown.
   */
  name: string
  /** When the text was converted, recorded as the import time; now when not given. */
  now?: Date
  /** The headline an editor corrected, over the one found in the text. */
  title?: string
}

/** An article's documents, and what an editor should check in them. */
export interface ArticleConversion {
  documents: ImportedDocuments
  /** Things an editor should look at, such as a headline derived from the lead. */
  notes: string[]
}

const UTF8 = new TextEncoder()

/**
 * Converts wire copy or Markdown into the article, people and newsletter documents the importer
 * makes of a file with this name and text: the same ids, keys and content, in Node or in a
 * browser. Nothing is written.
 *
 * @param text - the article's text
 * @param options - its file name, and the conversion time
 * @returns the documents, not yet validated or written, and notes for an editor
 * @throws ImportError naming the file (and line) for text that is not an article
 */
export function convertArticle(text: string, options: ConvertArticleOptions): ArticleConversion {
  const {documents, notes} = convertSource(UTF8.encode(text), {
    fileName: options.name,
    importedAt: (options.now ?? new Date()).toISOString(),
    importerVersion: IMPORTER_VERSION,
    ...(options.title ? {title: options.title} : {}),
  })
  return {documents, notes}
}
