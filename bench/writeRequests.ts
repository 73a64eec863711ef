// `npm run bench`: requests and wall time to write an archive into a lake answering with 50 ms
// of latency, for this importer and for @sanity/import (what `sanity dataset import` uses), on
// the same articles. A measurement, not a test: it prints a table and writes data/bench/.
import {mkdir, mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {cpus, tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseArgs} from 'node:util'

import {sanityImport} from '@sanity/import'

import {importCommand} from '../importer'
import {startLake} from '../lake'
import {localClient} from '../tests/support/localClient'
import {generateArticles} from './generateArticles'
import {createValidator} from '../validation'

const {values} = parseArgs({options: {n: {type: 'string'}, latency: {type: 'string'}}})
const count = Number(values.n ?? 1000)
const latency = Number(values.latency ?? 50)
const quiet = {
  stdout: () => undefined,
  stderr: (line: string) => process.stderr.write(`${line}\n`),
  now: () => new Date(),
}

// One validation worker for every batch of both imports.
const validator = await createValidator()
const folder = await mkdtemp(join(tmpdir(), 'newsroom-bench-'))
const sources = join(folder, 'sources')
await mkdir(sources)
for (const {fileName, text} of generateArticles(count))
  await writeFile(join(sources, fileName), text)
const exported = join(folder, 'export.ndjson')
await importCommand(
  ['--ndjson', exported, sources],
  {...quiet, env: {}},
  {validate: validator.validate, importerVersion: 'bench'},
)
const documents = (await readFile(exported, 'utf8'))
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line))

async function measure(name: string, write: (apiHost: string) => Promise<unknown>) {
  let requests = 0
  let firstWrite = 0
  const lake = await startLake({
    data: join(folder, `${name}.ndjson`),
    port: 0,
    faults: {tooManyRequests: 0, serverError: 0, reset: 0, latency: [latency, latency]},
    requestLog: (entry) => {
      if (!entry.path.includes('/data/mutate/')) return
      requests++
      firstWrite ||= performance.now()
    },
  })
  const started = performance.now()
  try {
    await write(lake.url)
  } finally {
    await lake.close()
  }
  const finished = performance.now()
  const round = (milliseconds: number) => Number((milliseconds / 1000).toFixed(2))
  return {
    tool: name,
    articles: count,
    requests,
    requestsPer1000: Math.round((requests / count) * 1000),
    seconds: round(finished - started),
    writeSeconds: round(finished - firstWrite),
  }
}

const results = [
  await measure('newsroom-import', (apiHost) =>
    importCommand(
      ['--api-host', apiHost, sources],
      {...quiet, env: {}},
      {validate: validator.validate, importerVersion: 'bench'},
    ),
  ),
  await measure('sanity-import', (apiHost) =>
    // @sanity/import insists on a token; the local lake accepts any.
    sanityImport(documents, {
      client: localClient(apiHost).withConfig({token: 'local'}),
      operation: 'createOrReplace',
    }),
  ),
]

console.log(
  `Writing ${count} articles (${documents.length} documents) to a lake with ${latency} ms latency, ${cpus().length} cores`,
)
await validator.close()
console.table(results)
console.log(
  'seconds: the whole run; newsroom-import also converts and validates the text, @sanity/import',
)
console.log('gets ready documents. writeSeconds: from the first mutation request to the end.')
await mkdir('data/bench', {recursive: true})
await writeFile(
  'data/bench/write-requests.json',
  `${JSON.stringify({latency, cores: cpus().length, results}, null, 2)}\n`,
)
