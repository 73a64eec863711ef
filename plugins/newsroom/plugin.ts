import {ClipboardIcon} from '@sanity/icons'
import {definePlugin} from 'sanity'

import {ARTICLE_TYPE} from '../../schemas/constants'
import {DEFAULT_CONFIG, type NewsroomConfig, WIRE_COPY_TOOL} from './constants'
import {studioSchemaTypes} from './forms/studioSchemaTypes'
import {ImportBadge} from './importBadge'
import {WireCopyPasteInput} from './pasteWireCopy'
import {reviewActions} from './reviewActions'
import {WireCopyTool} from './wireCopy/WireCopyTool'

/**
 * The newsroom content model (articles with sections, bylines, people and newsletters) and what
 * editors work with it by: the "New article from wire copy" tool, which converts pasted text and
 * dropped files as `npm run import` does; the import badge; and the review actions. Pair it with
 * `structureTool({structure: newsroomStructure, defaultDocumentNode: newsroomDocumentNode})` for
 * the newsroom desk.
 */
export const newsroom = definePlugin<NewsroomConfig | void>((options) => {
  const config = {...DEFAULT_CONFIG, ...options}
  return {
    name: 'newsroom',
    schema: {types: studioSchemaTypes},
    ...(config.pasteAsImported ? {form: {components: {input: WireCopyPasteInput}}} : {}),
    ...(config.wireCopy
      ? {
          tools: [
            {
              name: WIRE_COPY_TOOL,
              title: 'Wire copy',
              icon: ClipboardIcon,
              component: WireCopyTool,
            },
          ],
        }
      : {}),
    document: {
      ...(config.reviewActions ? {actions: reviewActions} : {}),
      ...(config.importBadge
        ? {
            badges: (previous, {schemaType}) =>
              schemaType === ARTICLE_TYPE ? [...previous, ImportBadge] : previous,
          }
        : {}),
    },
  }
})
