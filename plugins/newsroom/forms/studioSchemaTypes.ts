import {article} from '../../../schemas/article'
import {IMPORT_NOTES_FIELD} from '../../../schemas/constants'
import {newsletterBlock} from '../../../schemas/newsletterBlock'
import {schemaTypes} from '../../../schemas/schemaTypes'
import {ImportNotesInput} from './ImportNotesInput'
import {NewsletterBlockPreview} from './NewsletterBlockPreview'

/**
 * The content model as the Studio shows it: the schema types with the newsroom's own input for
 * import notes and preview for signup blocks. The components live here, not in the types, so
 * that what only needs the types (the importer's validation) never loads the Studio's UI kit.
 */
export const studioSchemaTypes = schemaTypes.map((type) => {
  if (type === article) {
    return {
      ...article,
      fields: article.fields.map((field) =>
        field.name === IMPORT_NOTES_FIELD
          ? {...field, components: {input: ImportNotesInput}}
          : field,
      ),
    }
  }
  if (type === newsletterBlock)
    return {...newsletterBlock, components: {preview: NewsletterBlockPreview}}
  return type
})
