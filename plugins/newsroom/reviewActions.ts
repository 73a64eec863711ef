import {CheckmarkCircleIcon} from '@sanity/icons'
import {useEffect, useState} from 'react'
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

/**
 * The publish action, first unsetting the draft's import notes when it has any. It publishes once
 * the Studio holds the draft without them: asked in the same turn as the patch, Sanity's publish
 * did not yet see the patch waiting to sync and could race it, and on a slow machine the draft
 * was left unpublished, its notes cleared.
 */
function clearingNotes(publish: DocumentActionComponent): DocumentActionComponent {
  const PublishAndClearNotes: DocumentActionComponent = (props) => {
    const description = publish(props)
    const {patch} = useDocumentOperation(props.id, props.type)
    const [clearing, setClearing] = useState(false)
    const notesLeft = hasNotes(props.draft)
    useEffect(() => {
      if (!clearing || notesLeft) return
      setClearing(false)
      description?.onHandle?.()
    }, [clearing, notesLeft, description])
    if (!description || (!notesLeft && !clearing)) return description
    return {
      ...description,
      disabled: Boolean(description.disabled) || clearing,
      onHandle: () => {
        patch.execute([{unset: [IMPORT_NOTES_FIELD]}])
        setClearing(true)
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
