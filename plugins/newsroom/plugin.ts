import {definePlugin} from 'sanity'

import {schemaTypes} from '../../schemas/schemaTypes'

/**
 * The newsroom content model: articles with sections, bylines, people and newsletters.
 * Pair it with `structureTool({structure: newsroomStructure})` for the newsroom desk.
 */
export const newsroom = definePlugin({
  name: 'newsroom',
  schema: {types: schemaTypes},
})
