import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Gives the run its own temp folder, removed at the end.
    globalSetup: ['tests/support/runTmpdir.ts'],
    // Sanity's validation loads the Studio in a worker thread, which takes several seconds.
    hookTimeout: 120_000,
  },
})
