// Runs in a worker thread: reads and converts source files one at a time, in the order asked,
// while the importer's main thread decides and writes the articles before them.
import {parentPort} from 'node:worker_threads'

import {convertSource} from '../convert/convertSource'
import {ImportError} from '../shared/ImportError'
import {type ConversionReply, isConversionRequest} from './conversionWorkerProtocol'
import {readSourceFile} from './readSourceFile'

parentPort?.on('message', async (message: unknown) => {
  if (!isConversionRequest(message)) return
  const {id, fileName, importedAt, importerVersion} = message
  let reply: ConversionReply
  let bytes = 0
  try {
    const source = await readSourceFile(fileName)
    bytes = source.byteLength
    const {documents, notes, structured} = convertSource(source, {
      fileName,
      importedAt,
      importerVersion,
    })
    // The structure's blocks stay here: the run needs the documents and how the title was found.
    const conversion = {fileName, documents, notes, structured: {title: structured.title}}
    reply = {id, bytes, conversionJson: JSON.stringify(conversion)}
  } catch (error) {
    reply =
      error instanceof ImportError
        ? {id, bytes, error: error.message}
        : {id, broke: error instanceof Error ? (error.stack ?? error.message) : String(error)}
  }
  parentPort?.postMessage(reply)
})
