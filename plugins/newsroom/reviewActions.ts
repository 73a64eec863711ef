import {CheckmarkCircleIcon} from '@sanity/icons'
import {
  type DocumentActionComponent,
  type DocumentActionsResolver,
  isRecord,
  useClient,
  useDocumentOperation,
} from 'sanity'

import {ARTICLE_TYPE, IMPORT_NOTES_FIELD} from '../../schemas/constants'
import {API_VERSION} from '../../settings/constants'

/**
 * Article actions for reviewing imports: publishing clears the import notes (publishing is the
 * editor's review), and a published article that still has notes can be marked reviewed.
 * Other types keep their actions.
 */
export const reviewActions: DocumentActionsResolver = (previous, {schemaType}) => {
  if (schemaType !== ARTICLE_TYPE) return previous
  const actions = previous.map((action) =>
    action.action === 'publish' ? clearingNotes(action) : action,
  )
  return [...actions, MarkReviewedAction]
}

/** The publish action, first unsetting the draft's import notes when it has any. */
function clearingNotes(publish: DocumentActionComponent): DocumentActionComponent {
  const PublishAndClearNotes: DocumentActionComponent = (props) => {
    const description = publish(props)
    const {patch} = useDocumentOperation(props.id, props.type)
    if (!description || !hasNotes(props.draft)) return description
    return {
      ...description,
      onHandle: () => {
        patch.execute([{unset: [IMPORT_NOTES_FIELD]}])
        description.onHandle?.()
      },
    }
  }
  PublishAndClearNotes.action = publish.action
  return PublishAndClearNotes
}

/** For a published article with import notes and no draft: clears the notes. */
const MarkReviewedAction: DocumentActionComponent = (props) => {
  const client = useClient({apiVersion: API_VERSION})
  if (props.draft || !props.published || !hasNotes(props.published)) return null
  const {_id} = props.published
  return {
    label: 'Mark reviewed',
    title: 'Clear the import notes: you have checked what the importer noticed',
    icon: CheckmarkCircleIcon,
    tone: 'positive',
    onHandle: async () => {
      await client.patch(_id).unset([IMPORT_NOTES_FIELD]).commit()
      props.onComplete()
    },
  }
}

function hasNotes(document: unknown): boolean {
  if (!isRecord(document)) return false
  const notes = document[IMPORT_NOTES_FIELD]
  return Array.isArray(notes) && notes.length > 0
}
