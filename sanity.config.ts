import {visionTool} from '@sanity/vision'
import {defineConfig} from 'sanity'
import {structureTool} from 'sanity/structure'

import {newsroom, newsroomDocumentNode, newsroomStructure} from './plugins/newsroom'
import {studioSettings} from './settings'

const {projectId, dataset, apiHost} = studioSettings

export default defineConfig({
  name: 'default',
  title: 'Newsroom',
  projectId,
  dataset,
  ...(apiHost ? {apiHost} : {}),
  plugins: [
    structureTool({structure: newsroomStructure, defaultDocumentNode: newsroomDocumentNode}),
    visionTool(),
    newsroom(),
  ],
})
