// Runs in a worker thread: converts source files, a few to a message, in the order asked, while
// the importer's main thread reads the files and decides and writes the articles before them.
import {parentPort, workerData} from 'node:worker_threads'

import {isRecord} from '../../dataset/guards'
import {PURE_RULES} from '../../schemas/rules'
import {schemaTypes} from '../../schemas/schemaTypes'
import {prescreenDocument} from '../../validation/fast/prescreen'
import {loadStudioRules} from '../../validation/fast/studioRules'
import {joinArticle, splitArticle} from '../documents/articleBody'
import {asValidated} from '../run/decideFiles'
import {bodyLimits} from '../run/limitProblems'
import {convertBytes} from '../run/runImport'
import {
  type ConversionReply,
  type ConvertedFileReply,
  type FileToConvert,
  isConversionRequest,
} from './conversionWorkerProtocol'

const option = (name: string) => isRecord(workerData) && workerData[name] === true
const splitArticles = option('splitArticles')
// The schema is compiled only for a run that validates.
const screen = option('prescreen')
  ? {rules: loadStudioRules(schemaTypes), pureRules: PURE_RULES}
  : undefined

parentPort?.on('message', (message: unknown) => {
  if (!isConversionRequest(message)) return
  const files = message.files.map(convertFile)
  // The bodies' bytes move to the run's thread instead of being copied.
  const moved = files.flatMap((file) => ('body' in file ? [file.body?.json.buffer] : []))
  const reply: ConversionReply = {id: message.id, files}
  parentPort?.postMessage(
    reply,
    moved.filter((buffer) => buffer instanceof ArrayBuffer),
  )
})

function convertFile(file: FileToConvert): ConvertedFileReply {
  const {fileName, source, importedAt, importerVersion} = file
  try {
    const {conversion, error, bytes} = convertBytes(source, fileName, {importedAt, importerVersion})
    if (!conversion) return {bytes, error: error ?? ''}
    // The structure's blocks stay here: the run needs the documents and how the title was found.
    const {documents, notes, structured} = conversion
    const kept = {fileName, documents, notes, structured: {title: structured.title}}
    if (!splitArticles) return {bytes, conversionJson: JSON.stringify(kept)}
    // The article's sections and source go as UTF-8 JSON, which the run sends as it is.
    // Converted here, the article is whole: joinArticle only tells the types so.
    const article = joinArticle(documents.article)
    const {head, body} = splitArticle(article, bodyLimits)
    // Screened as the run validates it, so the run need not read it whole to validate it.
    const prescreen = screen && prescreenDocument(asValidated(article, importedAt), screen)
    const split = {...kept, documents: {...documents, article: head}}
    return {
      bytes,
      conversionJson: JSON.stringify(split),
      body: prescreen ? {...body, prescreen} : body,
    }
  } catch (broke) {
    return {broke: broke instanceof Error ? (broke.stack ?? broke.message) : String(broke)}
  }
}
