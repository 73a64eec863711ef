// @ts-check
// The conversion worker's entry. A worker thread does not inherit how the thread that starts it
// loads TypeScript, so it loads the worker as `scripts/run.mjs` loads the importer: bundled.
import {fileURLToPath} from 'node:url'

import {importTypeScript} from '../../scripts/loadTypeScript.mjs'

await importTypeScript(fileURLToPath(new URL('./conversionWorker.ts', import.meta.url)))
