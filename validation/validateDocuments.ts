import type {SanityDocument} from 'sanity'

import {createValidator} from './createValidator'
import type {DocumentValidation} from './protocol'

/**
 * Validates documents once with Sanity's own `validateDocument` against the Studio schema,
 * exactly as `sanity documents validate` does, with no network. For repeated validations keep
 * a {@link createValidator} instead: loading the Studio takes seconds.
 *
 * @param documents - documents to validate
 * @param dataset - stored documents that references and unique slugs are checked against
 * @returns one result per document, in input order, listing every marker Sanity raised
 */
export async function validateDocuments(
  documents: SanityDocument[],
  dataset: SanityDocument[] = [],
): Promise<DocumentValidation[]> {
  const validator = await createValidator()
  try {
    return await validator.validate(documents, dataset)
  } finally {
    await validator.close()
  }
}
