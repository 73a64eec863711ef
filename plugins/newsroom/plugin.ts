import {definePlugin} from 'sanity'

import {schemaTypes} from '../../schemas/schemaTypes'
import {reviewActions} from './reviewActions'

/**
 * The newsroom content model: articles with sections, bylines, people and newsletters, and the
 * article actions editors review imports with. Pair it with
 * `structureTool({structure: newsroomStructure})` for the newsroom desk.
 */
export const newsroom = definePlugin({
  name: 'newsroom',
  schema: {types: schemaTypes},
  document: {actions: reviewActions},
})
