// @ts-check
// The query worker's entry. A worker thread does not inherit how the thread that starts it
// loads TypeScript, so it loads the worker as `scripts/run.mjs` loads the lake: bundled.
import {fileURLToPath} from 'node:url'

import {importTypeScript} from '../../scripts/loadTypeScript.mjs'

await importTypeScript(fileURLToPath(new URL('./queryWorker.ts', import.meta.url)))
