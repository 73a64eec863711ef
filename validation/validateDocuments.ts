import {studioWorkerTask} from '@sanity/cli-core'
import type {SanityDocument} from 'sanity'

import {type DocumentValidation, isValidationReply, type ValidationRequest} from './protocol'

/** Where the Studio config (`sanity.config.ts`) lives. */
const STUDIO_ROOT = new URL('..', import.meta.url).pathname

/**
 * Validates documents with Sanity's own `validateDocument` against the Studio schema,
 * exactly as `sanity documents validate` does, with no network: the workspace is loaded in a
 * studio worker and queries made by rules are answered from `dataset` and `documents`.
 *
 * @param documents - documents to validate
 * @param dataset - documents already stored, which references and unique slugs are checked against
 * @returns one result per document, in input order, listing every marker Sanity raised
 */
export async function validateDocuments(
  documents: SanityDocument[],
  dataset: SanityDocument[] = [],
): Promise<DocumentValidation[]> {
  const request: ValidationRequest = {documents, dataset}
  const reply = await studioWorkerTask(new URL('./validateDocuments.worker.ts', import.meta.url), {
    name: 'validateDocuments',
    studioRootPath: STUDIO_ROOT,
    workerData: request,
  })
  if (!isValidationReply(reply)) {
    throw new Error('validateDocuments(): the validation worker sent an unexpected reply')
  }
  return reply
}
