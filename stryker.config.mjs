// @ts-check
/**
 * Mutation testing of the code that decides what is written or shown: `npm run mutate`, or one
 * folder with `npm run mutate -- --mutate 'render/**\/*.ts'`. A measurement, not part of
 * `npm test`.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: {configFile: 'vitest.mutate.config.ts'},
  // Each mutant runs only the tests that reach it.
  coverageAnalysis: 'perTest',
  mutate: [
    'importer/structure/**/*.ts',
    'importer/plan/**/*.ts',
    'importer/run/**/*.ts',
    'importer/documents/**/*.ts',
    'lake/store/**/*.ts',
    'lake/actions/**/*.ts',
    'render/**/*.ts',
    'schemas/rules.ts',
    '!**/index.ts',
  ],
  ignorePatterns: ['/data', '/tmp', '/dist', '/test-results', '/.sanity', '/reports'],
  concurrency: 2,
  // Reruns test only the mutants whose code or tests changed since the last run.
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: {fileName: 'reports/mutation/index.html'},
  jsonReporter: {fileName: 'reports/mutation/mutation.json'},
  thresholds: {high: 90, low: 80, break: null},
  tempDirName: 'tmp/stryker',
  cleanTempDir: 'always',
}
