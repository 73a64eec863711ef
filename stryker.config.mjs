// @ts-check
/**
 * Mutation testing of the code that decides what is written or shown: `npm run mutate` for all
 * of it, `MUTATE=render npm run mutate` for one folder. A measurement, not part of `npm test`.
 */

/** The folders measured, each with its own report under `reports/mutation/`. */
const FOLDERS = [
  'importer/structure',
  'importer/plan',
  'importer/run',
  'importer/documents',
  'lake/store',
  'lake/actions',
  'render',
]
/** The content model's custom rules; the type definitions around them are declarations. */
const SCHEMA_RULES = 'schemas/rules.ts'

const only = process.env['MUTATE']
if (only && only !== 'schemas' && !FOLDERS.includes(only)) {
  throw new Error(`MUTATE=${only}: measure one of ${[...FOLDERS, 'schemas'].join(', ')}`)
}
const mutate = only
  ? [only === 'schemas' ? SCHEMA_RULES : `${only}/**/*.ts`]
  : [...FOLDERS.map((folder) => `${folder}/**/*.ts`), SCHEMA_RULES]
const reports = `reports/mutation/${only ? only.replaceAll('/', '-') : 'all'}`

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: {configFile: 'vitest.mutate.config.ts'},
  // Each mutant runs only the tests that reach it.
  coverageAnalysis: 'perTest',
  // A mutant reached while a module loads or a suite sets up would rerun the whole suite.
  ignoreStatic: true,
  // Regular expressions are checked through tables of the inputs they must and must not match;
  // their mutants, dozens per pattern, would double the run.
  mutator: {excludedMutations: ['Regex']},
  mutate: [...mutate, '!**/index.ts'],
  ignorePatterns: ['/data', '/tmp', '/dist', '/test-results', '/.sanity', '/reports'],
  concurrency: 2,
  // A rerun tests only the mutants whose code or covering tests changed since the last one.
  incremental: true,
  incrementalFile: `${reports}/incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: {fileName: `${reports}/index.html`},
  jsonReporter: {fileName: `${reports}/mutation.json`},
  clearTextReporter: {allowColor: false, logTests: false, reportScoreTable: true},
  thresholds: {high: 90, low: 80, break: null},
  tempDirName: 'tmp/stryker',
  cleanTempDir: 'always',
}
