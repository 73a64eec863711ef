/**
 * Names shared by the schema, the importer and GROQ queries. A rename here is a content
 * migration, so every consumer reads them from this one place.
 */

/** Document type of a news article. */
export const ARTICLE_TYPE = 'article'
/** Object type of one headed part of an article. */
export const SECTION_TYPE = 'section'
/** Object type of an article's credit line. */
export const BYLINE_TYPE = 'byline'
/** Document type of a journalist or contributor. */
export const PERSON_TYPE = 'person'
/** Document type of a newsletter readers can sign up to. */
export const NEWSLETTER_TYPE = 'newsletter'
/** Portable Text block type of a newsletter signup placed inside a section. */
export const NEWSLETTER_BLOCK_TYPE = 'newsletterBlock'
/** Portable Text annotation type of a hyperlink. */
export const LINK_TYPE = 'link'

/** Article field holding what the importer noticed for an editor to check; publishing clears it. */
export const IMPORT_NOTES_FIELD = 'importNotes'

/** Block styles a section's Portable Text allows. */
export const BLOCK_STYLES = ['normal', 'h3', 'blockquote'] as const
/** List item kinds a section's Portable Text allows. */
export const LIST_TYPES = ['bullet', 'number'] as const
/** Decorators a section's Portable Text allows. */
export const DECORATORS = ['strong', 'em'] as const
/** URL schemes a link may use; anything else (javascript:, data:) is rejected. */
export const LINK_SCHEMES = ['http', 'https', 'mailto'] as const
