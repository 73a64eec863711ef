import {Worker} from 'node:worker_threads'

import {type WorkerRequests, workerRequests} from '../../cli/workerRequests'
import {ARTICLE_BODY} from '../documents/articleBody'
import {
  type ConvertBytes,
  type ConvertedSource,
  readAndConvert,
  type SourceConverter,
} from '../run/runImport'
import {
  type ConversionReply,
  type ConversionRequest,
  type ConvertedFileReply,
  type FileToConvert,
  isArticleBody,
  isConversionReply,
  isConvertedArticle,
} from './conversionWorkerProtocol'
import {readSourceFile} from './readSourceFile'

/**
 * Files sent to the worker in one message. Each message costs both threads a wake-up and a
 * serialisation: one file to a message took the worker about a sixth longer per file.
 */
const CHUNK_FILES = 16

/**
 * Files the worker is asked for ahead of the run: chunks enough that it never waits for the run
 * while the run decides a batch.
 */
const READ_AHEAD = 4 * CHUNK_FILES

const WORKER_ENTRY = new URL('./conversionWorker.mjs', import.meta.url)

/** A worker thread that converts the source files the run reads, and how to stop it. */
export interface ConversionWorker extends SourceConverter {
  /** Stops the worker; conversions still asked for are refused. */
  close: () => Promise<void>
}

/**
 * Starts a worker thread that converts the run's source files, so that on a machine with a
 * second core the conversion of later files overlaps deciding, validating and writing earlier
 * ones. Each file is read on the calling thread and its bytes moved to the worker, which only
 * converts: it is the import's busiest thread. It answers in the order asked. If the worker
 * dies, every conversion asked for and every later one is refused with the reason.
 *
 * @param options - `splitArticles`: send each article split (see `splitArticle`), so the run
 *   sends its body without parsing it; `prescreen`: screen each split article with the schema's
 *   rules, so a run that validates need not read it whole either (see `prescreenDocument`)
 * @returns the worker, as the import run's converter
 */
export function startConversionWorker(
  options: {splitArticles?: boolean; prescreen?: boolean} = {},
): ConversionWorker {
  // Converting a chunk of files at a time needs little memory: a small heap keeps the import's
  // footprint what it was without the worker. A `--max-semi-space-size` given to the process
  // (as `npm run import` does) sizes every thread's young generation instead, this one's too.
  const worker = new Worker(WORKER_ENTRY, {
    workerData: {
      splitArticles: options.splitArticles === true,
      prescreen: options.prescreen === true,
    },
    execArgv: [],
    resourceLimits: {maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 256},
  })
  const requests = workerRequests<
    Omit<ConversionRequest, 'id'>,
    ConversionReply,
    (ConvertedSource | Error)[]
  >(worker, {
    name: 'conversion worker',
    isReply: isConversionReply,
    read: ({files}) => files.map(readFileReply),
  })
  return {
    readAhead: READ_AHEAD,
    // Read here, where the run waits on the network, so the worker only converts.
    convert: readAndConvert(readSourceFile, inChunks(requests)),
    close: requests.close,
  }
}

/** A file waiting to be sent to the worker, and how to answer whoever asked for it. */
interface Waiting {
  file: FileToConvert
  resolve: (converted: ConvertedSource) => void
  reject: (error: unknown) => void
}

/**
 * Sends files to the conversion worker a chunk to a message. Files asked for wait until a
 * chunk's worth has gathered, unless the worker has less than a chunk left to convert: then they
 * go at once, so it never waits for the run to ask for more.
 *
 * @param requests - the worker's requests, each a chunk of files answered file by file
 * @param chunkFiles - most files to a message
 * @returns a converter of one file's bytes, which resolves when the worker has answered its chunk
 */
export function inChunks(
  requests: Pick<
    WorkerRequests<Omit<ConversionRequest, 'id'>, (ConvertedSource | Error)[]>,
    'send'
  >,
  chunkFiles = CHUNK_FILES,
): ConvertBytes {
  const waiting: Waiting[] = []
  let converting = 0
  let scheduled = false
  const ready = () =>
    waiting.length >= chunkFiles || (waiting.length > 0 && converting < chunkFiles)
  const send = () => {
    scheduled = false
    while (ready()) {
      const chunk = waiting.splice(0, chunkFiles)
      converting += chunk.length
      const files = chunk.map(({file}) => file)
      const moved = files.map(({source}) => source.buffer)
      requests
        .send(
          {files},
          moved.filter((buffer) => buffer instanceof ArrayBuffer),
        )
        .then(
          (converted) =>
            chunk.forEach(({resolve, reject}, index) => {
              const result =
                converted[index] ?? new Error('the conversion worker left a file unanswered')
              if (result instanceof Error) reject(result)
              else resolve(result)
            }),
          (error: unknown) => chunk.forEach(({reject}) => reject(error)),
        )
        .finally(() => {
          converting -= chunk.length
          sendSoon()
        })
    }
  }
  // Files asked for together (the read-ahead at the start) go together, after this turn.
  const sendSoon = () => {
    if (scheduled || !ready()) return
    scheduled = true
    queueMicrotask(send)
  }
  return (source, fileName, provenance) =>
    new Promise((resolve, reject) => {
      waiting.push({file: {fileName, source, ...provenance}, resolve, reject})
      sendSoon()
    })
}

/** The file converted, or why it cannot be an article; an Error when converting it broke. */
function readFileReply(reply: ConvertedFileReply): ConvertedSource | Error {
  if ('broke' in reply) return new Error(`converting a file broke: ${reply.broke}`)
  const {conversionJson, error, bytes, body} = reply
  if (conversionJson === undefined) return {bytes, error: error ?? ''}
  const conversion: unknown = JSON.parse(conversionJson)
  if (!isConvertedArticle(conversion) || (body !== undefined && !isArticleBody(body))) {
    return new Error('conversion worker sent something that is not a conversion')
  }
  if (body === undefined) return {bytes, conversion}
  // The article's head, with its body as the worker serialised it.
  const article = {...conversion.documents.article, [ARTICLE_BODY]: body}
  return {bytes, conversion: {...conversion, documents: {...conversion.documents, article}}}
}
