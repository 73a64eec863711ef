import type {SanityDocument} from '@sanity/client'

import type {ArticleWrite} from '../plan/planImport'

/** What a commit did not write, and why. */
export interface CommitResult {
  /** Articles someone changed after they were read: left as they are. */
  kept: ReadonlySet<string>
  /** Articles not written because the run was interrupted. */
  unwritten: ReadonlySet<string>
}

/**
 * Where imported documents go. The importer reads what is stored, decides and validates, then
 * streams the writes over in one call.
 */
export interface ImportTarget {
  /** A one-line description for the report, such as the file or URL written to. */
  readonly description: string
  /**
   * Whether `commit` writes each article as it arrives, so that an import may start writing
   * while it still converts later files. A target that gathers everything before writing (a
   * sorted export file) leaves it unset: its writes wait until every file is decided.
   */
  readonly writesAsTheyCome?: boolean
  /**
   * Loads stored documents that decisions and validation need.
   *
   * @param ids - ids of documents this run may write; their drafts are wanted too
   * @returns stored documents: at least those with these ids and their drafts
   */
  load(ids: readonly string[]): Promise<SanityDocument[]>
  /**
   * Finds the stored articles, published or draft, that hold slugs.
   *
   * @param slugs - slugs this run's articles would take
   * @returns the published ids of the articles holding each slug that any holds
   */
  slugOwners(slugs: readonly string[]): Promise<Map<string, string[]>>
  /**
   * Writes the articles, one transaction each: its people and newsletter only where missing,
   * the article created, or replaced only while it still has the revision the plan read.
   *
   * @param writes - the article writes, read as the target is ready for them
   * @param timestamp - ISO time for `_createdAt`/`_updatedAt` where the target sets them
   * @param signal - when aborted, requests under way finish and no new one starts
   * @returns the ids of articles left alone because someone changed them meanwhile, and of
   *   those not written because the run was interrupted
   */
  commit(
    writes: AsyncIterable<ArticleWrite>,
    timestamp: string,
    signal?: AbortSignal,
  ): Promise<CommitResult>
}
