import type {Article, Newsletter, Person} from '../../schemas/sanity.types'

/** System fields the Content Lake (or the local dataset writer) sets on every write. */
type SystemFields = '_createdAt' | '_updatedAt' | '_rev'

/** An article as the importer builds it, before the store stamps system fields. */
export type ArticleInput = Omit<Article, SystemFields>
/** A person as the importer builds it. */
export type PersonInput = Omit<Person, SystemFields>
/** A newsletter as the importer builds it. */
export type NewsletterInput = Omit<Newsletter, SystemFields>

/** A section of an imported article. */
export type SectionInput = ArticleInput['sections'][number]
/** One item of a section's Portable Text. */
export type ContentInput = SectionInput['content'][number]
/** A text block of a section's Portable Text. */
export type BlockInput = Extract<ContentInput, {_type: 'block'}>

/** Everything one source file becomes. */
export interface ImportedDocuments {
  article: ArticleInput
  persons: PersonInput[]
  newsletter?: NewsletterInput
}
