// @ts-check
// The process Sanity's validation runs in, started by createValidator: it loads the Studio in a
// worker thread, as `sanity documents validate` does, and passes messages between that worker
// and the process that started it. A process of its own runs with Node's default flags, so the
// importer may tune its own collector (`--single-threaded-gc`, a small young generation) for
// converting and writing without slowing Sanity's validation, which allocates far more.
import {createStudioWorker} from '@sanity/cli-core'

/** Where the Studio config (`sanity.config.ts`) lives. */
const STUDIO_ROOT = new URL('..', import.meta.url).pathname

const worker = createStudioWorker(new URL('./validateDocuments.worker.ts', import.meta.url), {
  name: 'validateDocuments',
  studioRootPath: STUDIO_ROOT,
  // Sanity's validation allocates a few short-lived objects per value it checks: a larger young
  // generation cuts the time spent collecting them, and a bounded old generation keeps the
  // worker from growing to gigabytes before it collects at all.
  resourceLimits: {maxYoungGenerationSizeMb: 64, maxOldGenerationSizeMb: 512},
})

worker.on('message', (message) => process.send?.(message))
process.on('message', (message) => worker.postMessage(message))
// The worker's failure is the process's: its exit code tells the importer what happened.
worker.on('error', (error) => {
  process.stderr.write(`validation: ${error.stack ?? error.message}\n`)
  process.exit(1)
})
let disconnected = false
worker.on('exit', (code) => process.exit(disconnected ? 0 : code))
// Whoever started it has closed it or is gone: nothing is left to validate for.
process.on('disconnect', () => {
  disconnected = true
  void worker.terminate()
})
// Ctrl-C in a terminal reaches every process of the import, this one too; the import winds
// down on the first, validating the batches under way, and closes this process when done.
process.on('SIGINT', () => undefined)
