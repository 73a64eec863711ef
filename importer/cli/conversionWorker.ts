// Runs in a worker thread: reads and converts source files one at a time, in the order asked,
// while the importer's main thread decides and writes the articles before them.
import {parentPort} from 'node:worker_threads'

import {readAndConvert} from '../run/runImport'
import {type ConversionReply, isConversionRequest} from './conversionWorkerProtocol'
import {readSourceFile} from './readSourceFile'

const convert = readAndConvert(readSourceFile)

parentPort?.on('message', async (message: unknown) => {
  if (!isConversionRequest(message)) return
  const {id, fileName, importedAt, importerVersion} = message
  let reply: ConversionReply
  try {
    const {conversion, error, bytes} = await convert(fileName, {importedAt, importerVersion})
    if (conversion) {
      // The structure's blocks stay here: the run needs the documents and how the title was found.
      const {documents, notes, structured} = conversion
      const kept = {fileName, documents, notes, structured: {title: structured.title}}
      reply = {id, bytes, conversionJson: JSON.stringify(kept)}
    } else {
      reply = {id, bytes, error: error ?? ''}
    }
  } catch (broke) {
    reply = {id, broke: broke instanceof Error ? (broke.stack ?? broke.message) : String(broke)}
  }
  parentPort?.postMessage(reply)
})
