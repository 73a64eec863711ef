// `npm run bench`: conversion speed, end-to-end import and query latency at several archive
// sizes, each beside the tool people use today, on the same generated articles, and the fidelity
// of the structure read from real articles. A measurement, not a test: it prints tables and the
// targets they meet, and writes data/bench/latest.json.
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import {availableParallelism, cpus} from 'node:os'
import {parseArgs} from 'node:util'

import {benchConversion} from './conversion/benchConversion'
import {benchFidelity} from './fidelity/benchFidelity'
import {benchImport} from './import/benchImport'
import {benchQueries} from './queries/benchQueries'
import {isRecord} from '../dataset/isRecord'
import {checkTargets} from './checkTargets'

const SUITES = ['conversion', 'import', 'queries', 'fidelity']
const USAGE = `Usage: npm run bench -- [--n 1000,10000,100000] [--runs 3] [--only conversion,import,queries,fidelity]
  --n LIST            archive sizes, in articles (default 1000,10000,100000)
  --runs N            runs of each measurement; the median is reported (default 3; one at 100,000+
                      for imports, five for full-scan queries there)
  --only LIST         suites to run (default all four); fidelity reads the real articles in
                      tests/fixtures/real-copy beside @portabletext/markdown and a blank-line split;
                      recheck runs none and checks the targets on the last report
  --validate-up-to N  largest size also imported with Sanity's validation (default 10000)
  --max-seconds N     stop a conversion child after N seconds of converting (default 300)`

let parsed
try {
  parsed = parseArgs({
    options: {
      'n': {type: 'string'},
      'runs': {type: 'string'},
      'only': {type: 'string'},
      'validate-up-to': {type: 'string'},
      'max-seconds': {type: 'string'},
      'help': {type: 'boolean', short: 'h'},
    },
  })
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
  process.exit(2)
}
const {values} = parsed
if (values.help) {
  console.log(USAGE)
  process.exit(0)
}
const sizes = (values.n ?? '1000,10000,100000').split(',').map(wholeNumber)
const runs = wholeNumber(values.runs ?? '3')
const only = new Set((values.only ?? SUITES.join(',')).split(','))
for (const suite of only) {
  // `recheck` runs no suite: the targets are checked again on the last report's rows.
  if (!SUITES.includes(suite) && suite !== 'recheck') {
    console.error(`bench: no suite "${suite}"; the suites are ${SUITES.join(', ')}\n\n${USAGE}`)
    process.exit(2)
  }
}
const validateUpTo = wholeNumber(values['validate-up-to'] ?? '10000')
const maxSecondsPerChild = wholeNumber(values['max-seconds'] ?? '300')
const REPORT = 'data/bench/latest.json'
const log = (line: string) => process.stderr.write(`${line}\n`)

const machine = {
  cores: availableParallelism(),
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
}
log(`bench: ${sizes.join(', ')} articles, ${runs} runs, ${machine.cores} cores (${machine.cpu})`)

const conversion = only.has('conversion')
  ? await benchConversion({sizes, runs, log, maxSecondsPerChild})
  : []
if (conversion.length > 0) console.table(conversion)
const imports = only.has('import') ? await benchImport({sizes, runs, validateUpTo, log}) : []
if (imports.length > 0) console.table(imports)
const queries = only.has('queries') ? await benchQueries({sizes, runs: runs * 10, log}) : []
if (queries.length > 0) console.table(queries)
const fidelity = only.has('fidelity') ? await benchFidelity(log) : []
if (fidelity.length > 0) console.table(fidelity)

// A partial run (--only) keeps the other suites' rows from the last report.
const previous = only.size < SUITES.length ? await readPrevious() : {}
const suites = {
  conversion: only.has('conversion') ? conversion : (previous.conversion ?? []),
  imports: only.has('import') ? imports : (previous.imports ?? []),
  queries: only.has('queries') ? queries : (previous.queries ?? []),
  fidelity: only.has('fidelity') ? fidelity : (previous.fidelity ?? []),
}
const targets = checkTargets(suites)
for (const target of targets) console.log(`${target.met ? '✓' : '✗'} ${target.description}`)

await mkdir('data/bench', {recursive: true})
const report = {date: new Date().toISOString(), machine, sizes, runs, ...suites}
await writeFile('data/bench/latest.json', `${JSON.stringify({...report, targets}, null, 2)}\n`)
log('bench: wrote data/bench/latest.json')

async function readPrevious(): Promise<Partial<Parameters<typeof checkTargets>[0]>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(REPORT, 'utf8'))
    return isRecord(parsed) ? parsed : {}
  } catch {
    return {}
  }
}

function wholeNumber(text: string): number {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1) {
    console.error(`bench: "${text}" is not a whole number\n\n${USAGE}`)
    process.exit(2)
  }
  return value
}
