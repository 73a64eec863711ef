import {mkdir, readFile, writeFile} from 'node:fs/promises'
import {availableParallelism, cpus} from 'node:os'

import {
  checkArgs,
  commandArgs,
  type CommandIo,
  parseCommandLine,
  type ParsedArgs,
  UsageError,
} from '../cli/command'
import {isRecord} from '../dataset/guards'
import {checkTargets} from './checkTargets'
import {formatTable} from './formatTable'

const SUITES = ['conversion', 'import', 'queries', 'fidelity']
const REPORT = 'data/bench/latest.json'

/** Usage text of `npm run bench`. */
export const BENCH_USAGE = `Usage: npm run bench -- [--n 1000,10000,100000] [--runs 3] [--only conversion,import,queries,fidelity]
  --n LIST            archive sizes, in articles (default 1000,10000,100000)
  --runs N            runs of each measurement; the median is reported (default 3; one at 100,000+
                      for imports, five for full-scan queries there)
  --only LIST         suites to run (default all four); fidelity reads the real articles in
                      tests/fixtures/real-copy beside @portabletext/markdown and a blank-line split;
                      recheck runs none and checks the targets on the last report
  --validate-up-to N  largest size also imported with validation (default: every size)
  --max-seconds N     stop a conversion child after N seconds of converting (default 300)
  -h, --help          show this help`

/** What `npm run bench` was asked to measure. */
export interface BenchArgs {
  sizes: number[]
  runs: number
  /** Suites to run; `recheck` alone runs none. */
  only: Set<string>
  validateUpTo: number
  maxSecondsPerChild: number
}

/**
 * Reads `npm run bench -- [options]`, checking every value.
 *
 * @param argv - the arguments after the script name
 * @returns the options, or a message naming the one that is wrong
 */
export function parseBenchArgs(argv: readonly string[]): ParsedArgs<BenchArgs> {
  return checkArgs<BenchArgs>(() => {
    const {values} = parseCommandLine(argv, {
      'n': {type: 'string'},
      'runs': {type: 'string'},
      'only': {type: 'string'},
      'validate-up-to': {type: 'string'},
      'max-seconds': {type: 'string'},
      'help': {type: 'boolean', short: 'h'},
    })
    if (values.help) return {help: true}
    const only = new Set((values.only ?? SUITES.join(',')).split(','))
    for (const suite of only) {
      // `recheck` runs no suite: the targets are checked again on the last report's rows.
      if (!SUITES.includes(suite) && suite !== 'recheck') {
        throw new UsageError(`no suite "${suite}"; the suites are ${SUITES.join(', ')}`)
      }
    }
    return {
      args: {
        sizes: (values.n ?? '1000,10000,100000').split(',').map((n) => wholeNumber(n, '--n')),
        runs: wholeNumber(values.runs ?? '3', '--runs'),
        only,
        validateUpTo:
          values['validate-up-to'] === undefined
            ? Number.POSITIVE_INFINITY
            : wholeNumber(values['validate-up-to'], '--validate-up-to'),
        maxSecondsPerChild: wholeNumber(values['max-seconds'] ?? '300', '--max-seconds'),
      },
    }
  })
}

/**
 * `npm run bench`: conversion speed, end-to-end import and query latency at several archive
 * sizes, each beside the tool people use today, on the same generated articles, and the
 * fidelity of the structure read from real articles. A measurement, not a test: it prints tables
 * and the targets they meet, and writes data/bench/latest.json.
 *
 * @param argv - command-line arguments
 * @param io - output (tables and targets on stdout, progress on stderr) and clock
 * @returns the exit code: 0 once measured, 2 for a usage error
 */
export async function benchCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const read = commandArgs({name: 'bench', usage: BENCH_USAGE}, parseBenchArgs(argv), io)
  if ('exitCode' in read) return read.exitCode
  const {sizes, runs, only, validateUpTo, maxSecondsPerChild} = read.args
  const log = io.stderr
  const table = (rows: readonly object[]) => {
    if (rows.length > 0) io.stdout(formatTable(rows))
  }

  const machine = {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  }
  log(`bench: ${sizes.join(', ')} articles, ${runs} runs, ${machine.cores} cores (${machine.cpu})`)

  // Each suite's modules load only when it runs: block-tools and jsdom are heavy.
  const conversion = only.has('conversion')
    ? await (
        await import('./conversion/benchConversion')
      ).benchConversion({sizes, runs, log, maxSecondsPerChild})
    : []
  table(conversion)
  const imports = only.has('import')
    ? await (await import('./import/benchImport')).benchImport({sizes, runs, validateUpTo, log})
    : []
  table(imports)
  const queries = only.has('queries')
    ? await (await import('./queries/benchQueries')).benchQueries({sizes, runs: runs * 10, log})
    : []
  table(queries)
  const fidelity = only.has('fidelity')
    ? await (await import('./fidelity/benchFidelity')).benchFidelity(log)
    : []
  table(fidelity)

  // A partial run (--only) keeps the other suites' rows from the last report.
  const previous = only.size < SUITES.length ? await readPrevious() : {}
  const suites = {
    conversion: only.has('conversion') ? conversion : (previous.conversion ?? []),
    imports: only.has('import') ? imports : (previous.imports ?? []),
    queries: only.has('queries') ? queries : (previous.queries ?? []),
    fidelity: only.has('fidelity') ? fidelity : (previous.fidelity ?? []),
  }
  const targets = checkTargets(suites)
  for (const target of targets) io.stdout(`${target.met ? '✓' : '✗'} ${target.description}`)

  await mkdir('data/bench', {recursive: true})
  const date = (io.now?.() ?? new Date()).toISOString()
  const report = {date, machine, sizes, runs, ...suites}
  await writeFile(REPORT, `${JSON.stringify({...report, targets}, null, 2)}\n`)
  log(`bench: wrote ${REPORT}`)
  return 0
}

async function readPrevious(): Promise<Partial<Parameters<typeof checkTargets>[0]>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(REPORT, 'utf8'))
    return isRecord(parsed) ? parsed : {}
  } catch {
    return {}
  }
}

function wholeNumber(text: string, option: string): number {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1) {
    throw new UsageError(`${option} takes whole numbers from 1, not "${text}"`)
  }
  return value
}
