// `npm run import`: the importer's command line. Everything it does lives in importer/.
import {setFlagsFromString} from 'node:v8'

import {processIo, stopSignal} from '../cli/processIo'
import {importCommand} from '../importer'
import {IMPORTER_VERSION} from '../importer/convert'
import type {ScreenedValidator} from '../validation/fast/createScreenedValidator'

// An import keeps only one batch alive at a time, so V8's default of letting the heap grow to
// several times what is live buys little speed for a lot of memory: grow it by half instead.
// For the same reason the npm script gives every thread's young generation 4 MiB semi-spaces
// instead of 16 (peaks of 250-290 MiB against 280-310 MiB with 8 at 100,000 articles, no
// slower). It also collects on the thread that allocates (`--single-threaded-gc`): the
// conversion worker and this thread keep both cores busy, so helper threads collecting beside
// them only took turns with them. V8 reads both flags only at start-up. Sanity's validation,
// which allocates far more, runs in a process of its own with Node's defaults (see
// validation/createValidator.ts).
setFlagsFromString('--heap-growing-percent=50')

// The first Ctrl-C lets writes under way finish and reports where the run stopped; a second
// one stops at once.
const signal = stopSignal(() =>
  process.stderr.write(
    '\nimport: stopping after the writes under way (Ctrl-C again to quit now)\n',
  ),
)

// One validator for the whole run. It loads (about half a second) as soon as the arguments say
// the run validates, beside the rest of start-up; --skip-validation never loads it. It starts
// Sanity's own (the Studio in a worker, hundreds of megabytes) only for a document with a
// problem. A failure to load is reported by the first validation that awaits it.
let validator: Promise<ScreenedValidator> | undefined
const startValidator = () => {
  validator ??= import('../validation/fast/createFastValidator').then((loaded) =>
    loaded.createFastValidator(),
  )
  return validator
}
const prepareValidation = () => void startValidator().catch(() => undefined)
// Every argument passes through as given: one left behind would skip what it carries.
const validate: ScreenedValidator['validate'] = async (...args) =>
  (await startValidator()).validate(...args)

process.exitCode = await importCommand(
  process.argv.slice(2),
  {...processIo(), signal},
  {validate, prepareValidation, importerVersion: IMPORTER_VERSION},
).finally(async () => (await validator)?.close())
