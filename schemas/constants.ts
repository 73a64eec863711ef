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

/** Block styles a section's Portable Text allows, with the names editors see. */
export const BLOCK_STYLES = [
  {title: 'Normal', value: 'normal'},
  {title: 'Subheading', value: 'h3'},
  {title: 'Quote', value: 'blockquote'},
] as const
/** List item kinds a section's Portable Text allows. */
export const LIST_TYPES = [
  {title: 'Bullets', value: 'bullet'},
  {title: 'Numbered', value: 'number'},
] as const
/** Decorators a section's Portable Text allows. */
export const DECORATORS = [
  {title: 'Strong', value: 'strong'},
  {title: 'Emphasis', value: 'em'},
] as const
/** URL schemes a link may use; anything else (javascript:, data:) is rejected. */
export const LINK_SCHEMES = ['http', 'https', 'mailto'] as const

/**
 * Whether a link may point at an address: `http://…`, `https://…` or `mailto:…`, the rule the
 * schema, the importer and the renderer share. `javascript:`, `data:`, `tel:`, relative paths
 * and `https:` without `//` may not.
 *
 * @param href - the address
 * @returns true when a link may use it
 */
export function isAllowedHref(href: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase()
  if (scheme === undefined || !LINK_SCHEMES.some((allowed) => allowed === scheme)) return false
  return scheme === 'mailto' || href.slice(scheme.length + 1).startsWith('//')
}
