import type {SanityDocument} from '@sanity/client'

import {isRecord} from '../../dataset/guards'
import {LakeError} from '../shared/LakeError'
import type {DocumentBody, LakeMutation} from '../store/mutations'

/**
 * Translates one Studio action (`POST /data/actions`) into the mutations it stands for, given
 * the documents as the transaction has them so far.
 *
 * @param action - one item of `actions`
 * @param get - reads a document as the transaction has it so far
 * @returns the mutations, in order
 * @throws LakeError 409 when the action's preconditions fail, 400 for an unsupported action
 */
export function actionToMutations(
  action: unknown,
  get: (id: string) => SanityDocument | undefined,
): LakeMutation[] {
  if (!isRecord(action) || typeof action['actionType'] !== 'string') {
    throw new LakeError(400, 'actionError', 'Each action needs an "actionType"')
  }
  const type = action['actionType'].replace(/^sanity\.action\.document\./, '')
  const text = (field: string) => {
    const value = action[field]
    if (typeof value !== 'string')
      throw new LakeError(400, 'actionError', `${type}: "${field}" is required`)
    return value
  }
  switch (type) {
    case 'edit': {
      const draftId = text('draftId')
      const published = get(text('publishedId'))
      const patch = isRecord(action['patch']) ? action['patch'] : {}
      const base: LakeMutation[] = []
      if (!get(draftId)) {
        if (!published)
          throw conflict(`Cannot edit "${draftId}": neither it nor its published version exists`)
        base.push({createIfNotExists: copyAs(published, draftId)})
      }
      return [...base, {patch: {...patch, id: draftId}}]
    }
    case 'create': {
      const attributes = action['attributes']
      if (!isDocumentBody(attributes))
        throw new LakeError(400, 'actionError', 'create: "attributes" needs _id and _type')
      if (get(attributes._id) && action['ifExists'] === 'ignore') return []
      return [{create: attributes}]
    }
    case 'replaceDraft': {
      const attributes = action['attributes']
      if (!isDocumentBody(attributes))
        throw new LakeError(400, 'actionError', 'replaceDraft: "attributes" needs _id and _type')
      return [{createOrReplace: attributes}]
    }
    case 'publish': {
      const draftId = text('draftId')
      const publishedId = text('publishedId')
      const draft = get(draftId)
      if (!draft) throw conflict(`Cannot publish "${publishedId}": there is no draft "${draftId}"`)
      expectRevision(draft, action['ifDraftRevisionId'])
      const published = get(publishedId)
      if (published) expectRevision(published, action['ifPublishedRevisionId'])
      return [{createOrReplace: copyAs(draft, publishedId)}, {delete: {id: draftId}}]
    }
    case 'discard': {
      const draftId = text('draftId')
      if (!get(draftId)) throw conflict(`Cannot discard "${draftId}": it does not exist`)
      return [{delete: {id: draftId}}]
    }
    case 'unpublish': {
      const draftId = text('draftId')
      const publishedId = text('publishedId')
      const published = get(publishedId)
      if (!published) throw conflict(`Cannot unpublish "${publishedId}": it is not published`)
      const keep: LakeMutation[] = get(draftId)
        ? []
        : [{createIfNotExists: copyAs(published, draftId)}]
      return [...keep, {delete: {id: publishedId}}]
    }
    case 'delete': {
      const drafts = Array.isArray(action['includeDrafts']) ? action['includeDrafts'] : []
      const ids = [text('publishedId'), ...drafts.filter((id) => typeof id === 'string')]
      return ids.map((id) => ({delete: {id}}))
    }
    default:
      throw new LakeError(
        400,
        'actionError',
        `Action "${action['actionType']}" is not supported by the local lake`,
      )
  }
}

/** A stored document's content under another id, without the system fields the lake sets. */
function copyAs(document: SanityDocument, id: string): DocumentBody {
  const {_rev: _omitRev, _createdAt: _omitCreated, _updatedAt: _omitUpdated, ...content} = document
  return {...content, _id: id, _type: document._type}
}

function expectRevision(document: SanityDocument, revision: unknown): void {
  if (typeof revision === 'string' && document._rev !== revision) {
    throw conflict(
      `Document "${document._id}" has revision "${document._rev}", expected "${revision}"`,
    )
  }
}

function conflict(description: string): LakeError {
  return new LakeError(409, 'mutationError', description)
}

/** The attributes of a document an action creates: its id and type at least. */
function isDocumentBody(value: unknown): value is DocumentBody & {_id: string} {
  return isRecord(value) && typeof value['_id'] === 'string' && typeof value['_type'] === 'string'
}
