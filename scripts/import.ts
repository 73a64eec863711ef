// `npm run import`: the importer's command line. Everything it does lives in importer/.
import {readFile} from 'node:fs/promises'

import {importCommand} from '../importer'
import {validateDocuments} from '../validation'

const {version} = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'))

process.exitCode = await importCommand(
  process.argv.slice(2),
  {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    ...(process.stderr.isTTY ? {tty: (text: string) => process.stderr.write(text)} : {}),
    env: process.env,
    now: () => new Date(),
  },
  {validate: validateDocuments, importerVersion: String(version)},
)
