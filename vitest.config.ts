import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Sanity's validation loads the Studio in a worker thread, which takes several seconds.
    hookTimeout: 120_000,
  },
})
