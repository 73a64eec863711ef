import {Worker} from 'node:worker_threads'

import {workerRequests} from '../../cli/workerRequests'
import {ARTICLE_BODY} from '../documents/articleBody'
import {type ConvertedSource, readAndConvert, type SourceConverter} from '../run/runImport'
import {
  type ConversionReply,
  type ConversionRequest,
  isArticleBody,
  isConversionReply,
  isConvertedArticle,
} from './conversionWorkerProtocol'
import {readSourceFile} from './readSourceFile'

/** Files the worker is asked for ahead of the run: enough that it never waits for the run. */
const READ_AHEAD = 32

const WORKER_ENTRY = new URL('./conversionWorker.cjs', import.meta.url)

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
  // Converting one file at a time needs little memory: a small heap keeps the import's
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
  const requests = workerRequests<Omit<ConversionRequest, 'id'>, ConversionReply, ConvertedSource>(
    worker,
    {name: 'conversion worker', isReply: isConversionReply, read: readReply},
  )
  return {
    readAhead: READ_AHEAD,
    // Read here, where the run waits on the network, so the worker only converts.
    convert: readAndConvert(readSourceFile, (source, fileName, provenance) => {
      const moved = source.buffer
      return requests.send(
        {fileName, source, ...provenance},
        moved instanceof ArrayBuffer ? [moved] : [],
      )
    }),
    close: requests.close,
  }
}

/** The file converted, or why it cannot be an article; an Error when converting it broke. */
function readReply(reply: ConversionReply): ConvertedSource | Error {
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
