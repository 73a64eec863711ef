// `npm run import`: the importer's command line. Everything it does lives in importer/.
import {readFile} from 'node:fs/promises'

import {importCommand} from '../importer'
import {createValidator, type Validator} from '../validation'

// The first Ctrl-C lets writes under way finish and reports where the run stopped; a second
// one stops at once.
const interrupt = new AbortController()
const stop = () => {
  if (interrupt.signal.aborted) process.exit(130)
  process.stderr.write('\nimport: stopping after the writes under way (Ctrl-C again to quit now)\n')
  interrupt.abort()
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

const {version} = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'))

// One validation worker for the whole run, started when the first batch needs it.
let validator: Promise<Validator> | undefined
const validate: Validator['validate'] = async (documents, dataset) =>
  (await (validator ??= createValidator())).validate(documents, dataset)

process.exitCode = await importCommand(
  process.argv.slice(2),
  {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    ...(process.stderr.isTTY ? {tty: (text: string) => process.stderr.write(text)} : {}),
    env: process.env,
    now: () => new Date(),
    signal: interrupt.signal,
  },
  {validate, importerVersion: String(version)},
).finally(async () => (await validator)?.close())
