import {fork} from 'node:child_process'
import {once} from 'node:events'
import {serialize} from 'node:v8'

import {workerRequests} from '../cli/workerRequests'
import {
  type DocumentValidation,
  isValidationReply,
  type SerializedValidationRequest,
  type ValidationReply,
  type ValidationRequest,
  type Validator,
} from './protocol'

/** The process that loads the Studio and runs Sanity's validation (see the file). */
const VALIDATION_PROCESS = new URL('./validationProcess.mjs', import.meta.url)

/**
 * Loads the Studio workspace in a worker thread of a process of its own, as `sanity documents
 * validate` does (via `getStudioWorkspaces`), and keeps it for any number of validations.
 * Queries made by rules, such as slug uniqueness, are answered from the documents passed in, so
 * no network is used. The process runs with Node's default flags, whatever this one was given.
 *
 * @returns a validator; close it when done
 */
export async function createValidator(): Promise<Validator> {
  const child = fork(VALIDATION_PROCESS, [], {
    execArgv: [],
    // Messages are copied as a worker thread's are, so documents arrive as they were sent.
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const requests = workerRequests<
    Omit<SerializedValidationRequest, 'id'>,
    ValidationReply,
    DocumentValidation[]
  >(child, {
    name: 'validation worker',
    isReply: isValidationReply,
    read: (reply) =>
      'error' in reply ? new Error(`validateDocuments(): ${reply.error}`) : reply.results,
  })
  // The first message says the Studio has loaded.
  const loaded = once(child, 'message')
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`validation worker exited with code ${String(code)}`)
  })
  try {
    await Promise.race([loaded, exited])
  } catch (error) {
    await requests.close()
    throw error
  }
  void exited.catch(() => undefined)
  return {
    validate: (documents, dataset = []) => {
      const request: ValidationRequest = {documents, dataset}
      return requests.send({request: serialize(request)})
    },
    close: requests.close,
  }
}
