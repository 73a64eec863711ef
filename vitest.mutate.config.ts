import {defineConfig, mergeConfig} from 'vitest/config'

import base from './vitest.config'

/**
 * The suite `npm run mutate` runs against each mutant: the unit and integration tests. Left out
 * are the browser tests and the whole-system ones that run for seconds each (kill -9, faults
 * over a full import, memory, crash, query deadlines), which would make each mutant cost a
 * minute; the code they exercise has faster tests of its own.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      isolate: false,
      exclude: [
        '**/node_modules/**',
        'tests/**/*.e2e.test.ts',
        'tests/importKill.test.ts',
        'tests/importResilience.test.ts',
        'tests/importSafety.test.ts',
        'tests/lakeCrash.test.ts',
        'tests/lakeMemory.test.ts',
        'tests/lakeQueries.test.ts',
        'tests/lakeSecurity.test.ts',
        'tests/convertSource.property.test.ts',
        // It loads the importer afresh inside a test, which makes what modules compute on loading
        // (the agency list) look reached by tests, so Stryker runs those mutants as if a test could
        // switch them on, instead of setting them aside as static: they would all survive.
        'tests/convertSource.interleaving.test.ts',
        'tests/importCommand.test.ts',
        'tests/importOptions.test.ts',
        'tests/clientTarget.test.ts',
        // Sanity's own validation of 10,000 documents in its worker: a minute per mutant. The
        // fast path has unit tests of its own (screenDocument, createScreenedValidator).
        'tests/screenDocument.differential.test.ts',
      ],
    },
  }),
)
