/** Options of `newsroom()`; each part is on unless turned off. */
export interface NewsroomConfig {
  /** The "New article from wire copy" tool in the Studio's navigation. */
  wireCopy?: boolean
  /** Plain text pasted into a section's text is read as the importer reads it. */
  pasteAsImported?: boolean
  /** The "Imported" / "Edited since import" badge on articles. */
  importBadge?: boolean
  /** Publishing clears an article's import notes; "Mark reviewed" clears them without it. */
  reviewActions?: boolean
}

/** The "New article from wire copy" tool's name, which is its path in the Studio. */
export const WIRE_COPY_TOOL = 'wire-copy'

/** What `newsroom()` does when given no options. */
export const DEFAULT_CONFIG: Required<NewsroomConfig> = {
  wireCopy: true,
  pasteAsImported: true,
  importBadge: true,
  reviewActions: true,
}
