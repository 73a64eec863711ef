// `npm run import`: the importer's command line. Everything it does lives in importer/.
import {readFile} from 'node:fs/promises'

import {importCommand} from '../importer'
import {validateDocuments} from '../validation'

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
  {validate: validateDocuments, importerVersion: String(version)},
)
