import type {SanityDocument} from '@sanity/client'

import type {WritePlan} from '../plan/planImport'

/** What a commit did not write, and why. */
export interface CommitResult {
  /** Articles someone changed after they were read: left as they are. */
  kept: ReadonlySet<string>
  /** Articles not written because the run was interrupted. */
  unwritten: ReadonlySet<string>
}

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
   * Writes the plan, one transaction per article: its people and newsletter only where missing,
   * the article created, or replaced only while it still has the revision the plan read.
   *
   * @param plan - the documents to write
   * @param timestamp - ISO time for `_createdAt`/`_updatedAt` where the target sets them
   * @param signal - when aborted, requests under way finish and no new one starts
   * @returns the ids of articles left alone because someone changed them meanwhile, and of
   *   those not written because the run was interrupted
   */
  commit(plan: WritePlan, timestamp: string, signal?: AbortSignal): Promise<CommitResult>
}
