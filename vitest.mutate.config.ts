import {defineConfig, mergeConfig} from 'vitest/config'

import base from './vitest.config'

/** The suite `npm run mutate` runs against each mutant: all but the browser tests. */
export default mergeConfig(
  base,
  defineConfig({
    test: {exclude: ['tests/**/*.e2e.test.ts', '**/node_modules/**']},
  }),
)
