import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {cpus, tmpdir} from 'node:os'
import {join} from 'node:path'

import {
  checkArgs,
  commandArgs,
  type CommandIo,
  parseCommandLine,
  type ParsedArgs,
  UsageError,
} from '../cli/command'
import {formatTable} from './formatTable'

const REPORT = 'data/bench/write-requests.json'

/** Usage text of `npm run bench:writes`. */
export const WRITE_REQUESTS_USAGE = `Usage: npm run bench:writes -- [--n 1000] [--latency 50]

Counts the requests and wall time of writing an archive into a lake answering with a fixed
latency, for this importer and for @sanity/import on the same articles, and writes ${REPORT}.

Options:
  --n N          articles (default 1000)
  --latency MS   the lake's latency on every request, in milliseconds (default 50)
  -h, --help     show this help`

/** What `npm run bench:writes` was asked to measure. */
export interface WriteRequestsArgs {
  count: number
  latency: number
}

/**
 * Reads `npm run bench:writes -- [options]`, checking every value.
 *
 * @param argv - the arguments after the script name
 * @returns the options, or a message naming the one that is wrong
 */
export function parseWriteRequestsArgs(argv: readonly string[]): ParsedArgs<WriteRequestsArgs> {
  return checkArgs<WriteRequestsArgs>(() => {
    const {values} = parseCommandLine(argv, {
      n: {type: 'string'},
      latency: {type: 'string'},
      help: {type: 'boolean', short: 'h'},
    })
    if (values.help) return {help: true}
    const count = Number(values.n ?? 1000)
    if (!Number.isInteger(count) || count < 1) {
      throw new UsageError(`--n takes a whole number from 1, not "${values.n}"`)
    }
    const latency = Number(values.latency ?? 50)
    if (!Number.isInteger(latency) || latency < 0) {
      throw new UsageError(`--latency takes whole milliseconds, not "${values.latency}"`)
    }
    return {args: {count, latency}}
  })
}

/**
 * `npm run bench:writes`: requests and wall time to write an archive into a lake answering with
 * 50 ms of latency, for this importer and for `@sanity/import` (what `sanity dataset import`
 * uses), on the same articles. A measurement, not a test: it prints a table and writes
 * data/bench/write-requests.json.
 *
 * @param argv - command-line arguments
 * @param io - output (the table on stdout, the imports' errors on stderr)
 * @returns the exit code: 0 once measured, 2 for a usage error
 */
export async function writeRequestsCommand(
  argv: readonly string[],
  io: CommandIo,
): Promise<number> {
  const read = commandArgs(
    {name: 'bench:writes', usage: WRITE_REQUESTS_USAGE},
    parseWriteRequestsArgs(argv),
    io,
  )
  if ('exitCode' in read) return read.exitCode
  const {count, latency} = read.args
  // Loaded once the arguments are known good: the validator and @sanity/import are heavy.
  const {sanityImport} = await import('@sanity/import')
  const {importCommand} = await import('../importer')
  const {createFastValidator} = await import('../validation/fast/createFastValidator')
  const {localClient, startLake} = await import('../lake')
  const {generateCorpus} = await import('../corpus/generateCorpus')
  const quiet = {stdout: () => undefined, stderr: io.stderr, env: {}}

  // One validator, as npm run import has, for every batch of both imports.
  const validator = createFastValidator()
  const folder = await mkdtemp(join(tmpdir(), 'newsroom-bench-'))
  try {
    const sources = join(folder, 'sources')
    // The importer spools beside its --data file: here, in this run's folder.
    const data = ['--data', join(folder, 'production.ndjson')]
    await mkdir(sources)
    for (const {fileName, text} of generateCorpus(count))
      await writeFile(join(sources, fileName), text)
    const exported = join(folder, 'export.ndjson')
    await importCommand(['--ndjson', exported, ...data, sources], quiet, {
      validate: validator.validate,
      importerVersion: 'bench',
    })
    const documents = (await readFile(exported, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))

    const measure = async (name: string, write: (apiHost: string) => Promise<unknown>) => {
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
        importCommand(['--api-host', apiHost, ...data, sources], quiet, {
          validate: validator.validate,
          importerVersion: 'bench',
        }),
      ),
      await measure('sanity-import', (apiHost) =>
        // @sanity/import insists on a token; the local lake accepts any.
        sanityImport(documents, {
          client: localClient(apiHost).withConfig({token: 'local'}),
          operation: 'createOrReplace',
        }),
      ),
    ]

    io.stdout(
      `Writing ${count} articles (${documents.length} documents) to a lake with ${latency} ms latency, ${cpus().length} cores`,
    )
    io.stdout(formatTable(results))
    io.stdout(
      'seconds: the whole run; newsroom-import also converts and validates the text, @sanity/import',
    )
    io.stdout('gets ready documents. writeSeconds: from the first mutation request to the end.')
    await mkdir('data/bench', {recursive: true})
    await writeFile(
      REPORT,
      `${JSON.stringify({latency, cores: cpus().length, results}, null, 2)}\n`,
    )
    return 0
  } finally {
    await validator.close()
    await rm(folder, {recursive: true, force: true})
  }
}
