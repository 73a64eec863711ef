import {Worker} from 'node:worker_threads'

import type {ConvertedSource, SourceConverter} from '../run/runImport'
import {
  type ConversionRequest,
  isConversionReply,
  isConvertedArticle,
} from './conversionWorkerProtocol'

/** Files the worker is asked for ahead of the run: enough that it never waits for the run. */
const READ_AHEAD = 32

const WORKER_ENTRY = new URL('./conversionWorker.cjs', import.meta.url)

/** A worker thread that reads and converts source files, and how to stop it. */
export interface ConversionWorker extends SourceConverter {
  /** Stops the worker; conversions still asked for are refused. */
  close: () => Promise<void>
}

/**
 * Starts a worker thread that reads and converts the run's source files, so that on a machine
 * with a second core the conversion of later files overlaps deciding, validating and writing
 * earlier ones. It answers in the order asked. If the worker dies, every conversion asked for
 * and every later one is refused with the reason.
 *
 * @returns the worker, as the import run's converter
 */
export function startConversionWorker(): ConversionWorker {
  // Converting one file at a time needs little memory: a small heap keeps the import's
  // footprint what it was without the worker.
  const worker = new Worker(WORKER_ENTRY, {
    execArgv: [],
    resourceLimits: {maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 256},
  })
  const waiting = new Map<
    number,
    {resolve: (converted: ConvertedSource) => void; reject: (error: Error) => void}
  >()
  let nextId = 0
  let broken: Error | undefined
  const fail = (error: Error) => {
    broken ??= error
    for (const {reject} of waiting.values()) reject(broken)
    waiting.clear()
  }
  worker.on('error', (error) => fail(new Error(`conversion worker failed: ${error.message}`)))
  worker.on('exit', (code) => fail(new Error(`conversion worker exited with code ${code}`)))
  worker.on('message', (message: unknown) => {
    if (!isConversionReply(message)) return
    const pending = waiting.get(message.id)
    waiting.delete(message.id)
    if ('broke' in message) {
      pending?.reject(new Error(`converting a file broke: ${message.broke}`))
      return
    }
    const {conversionJson, error, bytes} = message
    if (conversionJson === undefined) return pending?.resolve({bytes, error: error ?? ''})
    const conversion: unknown = JSON.parse(conversionJson)
    if (isConvertedArticle(conversion)) pending?.resolve({bytes, conversion})
    else pending?.reject(new Error('conversion worker sent something that is not a conversion'))
  })
  return {
    readAhead: READ_AHEAD,
    convert: (fileName, provenance) =>
      new Promise((resolve, reject) => {
        if (broken) return reject(broken)
        const request: ConversionRequest = {id: nextId++, fileName, ...provenance}
        waiting.set(request.id, {resolve, reject})
        worker.postMessage(request)
      }),
    close: async () => {
      fail(new Error('conversion worker closed'))
      worker.removeAllListeners('exit')
      await worker.terminate()
    },
  }
}
