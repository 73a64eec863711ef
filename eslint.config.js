// Lint for what the type checker and Prettier leave: import order, and no import cycles, so the
// stages of importer/ and lake/ depend one way.
import importX, {createNodeResolver} from 'eslint-plugin-import-x'
import simpleImportSort from 'eslint-plugin-simple-import-sort'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'lib/',
      'data/',
      'tmp/',
      '.sanity/',
      'schemas/sanity.types.ts',
    ],
  },
  {
    files: ['**/*.{ts,tsx,js,cjs,mjs}'],
    languageOptions: {parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module'},
    plugins: {'simple-import-sort': simpleImportSort, 'import-x': importX},
    settings: {
      // Dependencies are read as TypeScript too, so a cycle through any file is seen.
      'import-x/external-module-folders': ['node_modules'],
      'import-x/parsers': {'@typescript-eslint/parser': ['.ts', '.tsx', '.js', '.cjs']},
      'import-x/resolver-next': [createNodeResolver({extensions: ['.ts', '.tsx', '.js', '.cjs']})],
    },
    rules: {
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
      'import-x/no-cycle': ['error', {ignoreExternal: true}],
      'import-x/first': 'error',
      'import-x/no-duplicates': 'error',
    },
  },
)
