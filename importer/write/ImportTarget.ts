import type {SanityDocument} from '@sanity/client'

import type {WritePlan} from '../plan/planImport'

/**
 * Where imported documents go. The importer reads what is stored, decides, then hands the
 * whole plan over in one call, so a target can apply it atomically.
 */
export interface ImportTarget {
  /** A one-line description for the report, such as the file or URL written to. */
  readonly description: string
  /**
   * Loads stored documents that decisions and validation need.
   *
   * @param ids - ids of documents this run may write; their drafts are wanted too
   * @returns stored documents: at least those with these ids and their drafts
   */
  load(ids: readonly string[]): Promise<SanityDocument[]>
  /**
   * Writes the plan: `createIfMissing` only where no document has the id, `replace` always.
   *
   * @param plan - the documents to write
   * @param timestamp - ISO time for `_createdAt`/`_updatedAt`
   */
  commit(plan: WritePlan, timestamp: string): Promise<void>
}
