// `npm run import`: the importer's command line. Everything it does lives in importer/.
import {setFlagsFromString} from 'node:v8'

import {processIo, stopSignal} from '../cli/processIo'
import {importCommand} from '../importer'
import {IMPORTER_VERSION} from '../importer/convert'
import type {Validator} from '../validation'

// An import keeps only one batch alive at a time, so V8's default of letting the heap grow to
// several times what is live buys little speed for a lot of memory: grow it by half instead.
setFlagsFromString('--heap-growing-percent=50')

// The first Ctrl-C lets writes under way finish and reports where the run stopped; a second
// one stops at once.
const signal = stopSignal(() =>
  process.stderr.write(
    '\nimport: stopping after the writes under way (Ctrl-C again to quit now)\n',
  ),
)

// One validator for the whole run, loaded when the first batch needs it: --skip-validation never
// does. It starts Sanity's own (the Studio in a worker, hundreds of megabytes) only for a document
// with a problem.
let validator: Promise<Validator> | undefined
const startValidator = async () =>
  (await import('../validation/fast/createFastValidator')).createFastValidator()
const validate: Validator['validate'] = async (documents, dataset) =>
  (await (validator ??= startValidator())).validate(documents, dataset)
// Loading the validator takes about half a second: it starts now, beside the importer's own
// start-up and first reads, unless the run will not validate. A failure to load is reported
// by the first validation that awaits it.
const flags = new Set(process.argv.slice(2))
if (!['--skip-validation', '--help', '-h'].some((flag) => flags.has(flag))) {
  validator = startValidator()
  void validator.catch(() => undefined)
}

process.exitCode = await importCommand(
  process.argv.slice(2),
  {...processIo(), signal},
  {validate, importerVersion: IMPORTER_VERSION},
).finally(async () => (await validator)?.close())
