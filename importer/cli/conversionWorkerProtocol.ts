import {isRecord} from '../../dataset/guards'
import {isPrescreen} from '../../validation/fast/prescreen'
import type {ConvertedArticle} from '../convert/convertSource'
import type {ArticleBody} from '../documents/articleBody'
import type {ConvertedSource, Provenance} from '../run/runImport'

/** One file for the conversion worker to convert, read by the run. */
export interface FileToConvert extends Provenance {
  fileName: string
  /** The file's bytes, moved to the worker. */
  source: Uint8Array
}

/**
 * What the conversion worker is asked: convert a few files, in order. One message carries
 * several, as each message costs both threads a wake-up and a serialisation.
 */
export interface ConversionRequest {
  id: number
  files: FileToConvert[]
}

/**
 * A file's answer: the file converted (or why it cannot be an article), or, when converting
 * broke, the error's message. The conversion travels as JSON text: serialising and parsing it
 * costs about half what structured cloning its thousands of small objects does. Its article's
 * body (sections and source) travels apart, as UTF-8 JSON the run never parses unless it must
 * validate the article again: see `splitArticle` and `prescreenDocument`.
 */
export type ConvertedFileReply =
  | (Omit<ConvertedSource, 'conversion'> & {conversionJson?: string; body?: ArticleBody})
  | {broke: string}

/** The worker's answer to a request: one reply per file, in the order asked. */
export interface ConversionReply {
  id: number
  files: ConvertedFileReply[]
}

/**
 * Narrows a message to a conversion request.
 *
 * @param value - a message posted to the worker
 * @returns true for a request
 */
export function isConversionRequest(value: unknown): value is ConversionRequest {
  return (
    isRecord(value) &&
    typeof value['id'] === 'number' &&
    Array.isArray(value['files']) &&
    value['files'].every(isFileToConvert)
  )
}

function isFileToConvert(value: unknown): value is FileToConvert {
  return (
    isRecord(value) &&
    typeof value['fileName'] === 'string' &&
    value['source'] instanceof Uint8Array &&
    typeof value['importedAt'] === 'string' &&
    typeof value['importerVersion'] === 'string'
  )
}

/**
 * Narrows a message to the worker's reply: its id, and for each file a size or what broke.
 *
 * @param value - a message from the worker
 * @returns true for a reply
 */
export function isConversionReply(value: unknown): value is ConversionReply {
  return (
    isRecord(value) &&
    typeof value['id'] === 'number' &&
    Array.isArray(value['files']) &&
    value['files'].every(
      (file) =>
        isRecord(file) && (typeof file['bytes'] === 'number' || typeof file['broke'] === 'string'),
    )
  )
}

/**
 * Narrows the article body a reply carries: its JSON bytes, headings, what the limits need, and
 * the article's prescreen if it was screened.
 *
 * @param value - a reply's `body`
 * @returns true for an article body
 */
export function isArticleBody(value: unknown): value is ArticleBody {
  if (!isRecord(value) || !isRecord(value['limits'])) return false
  const {json, headings, limits, prescreen} = value
  return (
    (prescreen === undefined || isPrescreen(prescreen)) &&
    json instanceof Uint8Array &&
    Array.isArray(headings) &&
    headings.every((heading) => heading === null || typeof heading === 'string') &&
    typeof limits['paths'] === 'number' &&
    typeof limits['maxBytes'] === 'number' &&
    Array.isArray(limits['hrefs']) &&
    limits['hrefs'].every((href) => typeof href === 'string')
  )
}

/**
 * Narrows a conversion parsed from the worker's JSON: its documents and notes, and how its title
 * was found. The shape is checked, not every field: the worker made it with `convertSource`.
 *
 * @param value - the parsed conversion
 * @returns true for a conversion
 */
export function isConvertedArticle(value: unknown): value is ConvertedArticle {
  if (!isRecord(value) || !isRecord(value['documents']) || !isRecord(value['structured'])) {
    return false
  }
  const {article, persons} = value['documents']
  return (
    typeof value['fileName'] === 'string' &&
    Array.isArray(value['notes']) &&
    isRecord(value['structured']['title']) &&
    isRecord(article) &&
    typeof article['_id'] === 'string' &&
    Array.isArray(persons)
  )
}
