import {defineCliConfig} from 'sanity/cli'

import {studioSettings} from './settings'

const {projectId, dataset} = studioSettings

export default defineCliConfig({
  api: {projectId, dataset},
  typegen: {
    path: ['./queries/**/*.ts'],
    schema: './schema.json',
    generates: './schemas/sanity.types.ts',
  },
  // Studio worker tasks (schema validate/extract, document validation) run the config through
  // vite-node, which by default transforms every dependency: about 30 s a run. Letting Node load
  // packages natively takes ~8 s with identical results. `@sanity/cli*` stays transformed: it
  // imports `sanity.config.ts`, which plain Node cannot. Browser builds are untouched.
  vite: (config, {isSsrBuild}) =>
    isSsrBuild ? {...config, ssr: {...config.ssr, noExternal: [/@sanity\/cli/]}} : config,
})
