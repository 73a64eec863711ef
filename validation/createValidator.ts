import {createStudioWorker} from '@sanity/cli-core'

import {workerRequests} from '../cli/workerRequests'
import {
  type DocumentValidation,
  isValidationReply,
  type ValidationReply,
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
  const requests = workerRequests<
    Omit<ValidationRequest, 'id'>,
    ValidationReply,
    DocumentValidation[]
  >(worker, {
    name: 'validation worker',
    isReply: isValidationReply,
    read: (reply) =>
      'error' in reply ? new Error(`validateDocuments(): ${reply.error}`) : reply.results,
  })
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve())
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`validation worker exited with code ${code}`)))
  })
  return {
    validate: (documents, dataset = []) => requests.send({documents, dataset}),
    close: requests.close,
  }
}
