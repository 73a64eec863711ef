import {createStudioWorker} from '@sanity/cli-core'

import {
  type DocumentValidation,
  isValidationReply,
  type ValidationRequest,
  type Validator,
} from './protocol'

/** Where the Studio config (`sanity.config.ts`) lives. */
const STUDIO_ROOT = new URL('..', import.meta.url).pathname

/**
 * Loads the Studio workspace in a worker thread, as `sanity documents validate` does (via
 * `getStudioWorkspaces`), and keeps it for any number of validations. Queries made by rules,
 * such as slug uniqueness, are answered from the documents passed in, so no network is used.
 *
 * @returns a validator; close it when done
 */
export async function createValidator(): Promise<Validator> {
  const worker = createStudioWorker(new URL('./validateDocuments.worker.ts', import.meta.url), {
    name: 'validateDocuments',
    studioRootPath: STUDIO_ROOT,
    // Sanity's validation allocates a few short-lived objects per value it checks: a larger
    // young generation cuts the time spent collecting them, and a bounded old generation keeps
    // the worker from growing to gigabytes before it collects at all.
    resourceLimits: {maxYoungGenerationSizeMb: 64, maxOldGenerationSizeMb: 512},
  })
  const pending = new Map<
    number,
    {resolve: (r: DocumentValidation[]) => void; reject: (e: Error) => void}
  >()
  let nextId = 0
  let failure: Error | undefined
  const failAll = (error: Error) => {
    failure = error
    for (const {reject} of pending.values()) reject(error)
    pending.clear()
  }
  worker.on('error', (error) => failAll(new Error(`validation worker failed: ${error.message}`)))
  worker.on('exit', (code) => failAll(new Error(`validation worker exited with code ${code}`)))
  worker.on('message', (message: unknown) => {
    if (!isValidationReply(message)) return
    const request = pending.get(message.id)
    pending.delete(message.id)
    if ('error' in message) request?.reject(new Error(`validateDocuments(): ${message.error}`))
    else request?.resolve(message.results)
  })
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve())
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`validation worker exited with code ${code}`)))
  })
  return {
    validate: (documents, dataset = []) => {
      if (failure) return Promise.reject(failure)
      const request: ValidationRequest = {id: nextId++, documents, dataset}
      return new Promise((resolve, reject) => {
        pending.set(request.id, {resolve, reject})
        worker.postMessage(request)
      })
    },
    close: async () => {
      worker.removeAllListeners('exit')
      await worker.terminate()
    },
  }
}
