import {parseArgs} from 'node:util'

/** Command-line options of `npm run import`. */
export interface ImportArgs {
  paths: string[]
  /** The local dataset file written by default. */
  data: string
  /** Write exactly this run's documents to this file instead of the dataset. */
  ndjson?: string
  /** A running lake to write to instead of the local dataset. */
  apiHost?: string
  dryRun: boolean
  force: boolean
  /** Refuse articles that fail an editorial rule instead of writing them as drafts for review. */
  strict: boolean
  /** With `strict`, write the articles that passed even when others failed. */
  keepGoing: boolean
  /** Import as drafts for editors to publish; the default publishes. */
  drafts: boolean
  json: boolean
  /** Write without Sanity's schema validation (Content Lake limits are still checked). */
  skipValidation: boolean
  /** Most mutation requests a second; unset, 20 for a hosted project and no limit locally. */
  rate?: number
  /** Retries of a failed request. */
  maxRetries: number
  help: boolean
}

/** A mistake in the command line itself; the CLI exits with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** Default source folder and dataset file. */
export const DEFAULT_SOURCES = 'seeds'
export const DEFAULT_DATASET = 'data/production.ndjson'

/**
 * Parses `npm run import -- [options] [paths…]`.
 *
 * @param argv - the arguments after the script name
 * @returns the options, with `seeds/` when no path is given
 * @throws UsageError for an unknown option or a missing option value
 */
export function parseImportArgs(argv: readonly string[]): ImportArgs {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'data': {type: 'string'},
        'ndjson': {type: 'string'},
        'api-host': {type: 'string'},
        'rate': {type: 'string'},
        'max-retries': {type: 'string'},
        'dry-run': {type: 'boolean'},
        'force': {type: 'boolean'},
        'strict': {type: 'boolean'},
        'keep-going': {type: 'boolean'},
        'drafts': {type: 'boolean'},
        'json': {type: 'boolean'},
        'skip-validation': {type: 'boolean'},
        'help': {type: 'boolean', short: 'h'},
      },
    })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const {values, positionals} = parsed
  return {
    paths: positionals.length > 0 ? positionals : [DEFAULT_SOURCES],
    data: values.data ?? DEFAULT_DATASET,
    ...(values.ndjson === undefined ? {} : {ndjson: values.ndjson}),
    ...(values['api-host'] === undefined ? {} : {apiHost: values['api-host']}),
    dryRun: values['dry-run'] ?? false,
    force: values.force ?? false,
    strict: values.strict ?? false,
    keepGoing: values['keep-going'] ?? false,
    drafts: values.drafts ?? false,
    json: values.json ?? false,
    skipValidation: values['skip-validation'] ?? false,
    ...(values.rate === undefined ? {} : {rate: readCount(values.rate, 'rate', 20, 1)}),
    maxRetries: readCount(values['max-retries'], 'max-retries', 8, 0),
    help: values.help ?? false,
  }
}

function readCount(
  value: string | undefined,
  name: string,
  fallback: number,
  minimum: number,
): number {
  if (value === undefined) return fallback
  const count = Number(value)
  if (!Number.isInteger(count) || count < minimum) {
    throw new UsageError(`--${name} takes a whole number from ${minimum}, not "${value}"`)
  }
  return count
}

/** Usage text printed by `--help` and after a usage error. */
export const IMPORT_USAGE = `Usage: npm run import -- [options] [paths…]

Imports plain-text (.txt) and Markdown (.md) articles, files or folders (default: ${DEFAULT_SOURCES}/).
An article that fails an editorial rule (no credit, say) is written as a draft for review, and
the report says "review" with the rule; a file that cannot be read as an article fails.

With SANITY_STUDIO_PROJECT_ID, SANITY_STUDIO_DATASET and SANITY_API_WRITE_TOKEN set, documents go
to that hosted project instead. Tokens are read from the environment only.

Options:
  --data FILE     local dataset to write, through the running lake or one started for
                  this run (default: ${DEFAULT_DATASET})
  --api-host URL  write to the Content Lake at URL (e.g. a running npm run lake)
  --ndjson FILE   write exactly this run's documents to FILE instead (for sanity dataset import)
  --dry-run       decide and validate, write nothing
  --force         replace articles edited since they were imported
  --drafts        import as drafts (drafts.<id>) for editors to review and publish;
                  by default articles are published
  --strict        refuse articles that would be drafts for review, and write nothing unless
                  every file passes
  --keep-going    with --strict, write the files that pass even when others fail
  --skip-validation
                  write without Sanity's schema validation, as sanity dataset import does
                  (for an archive already checked with --dry-run; lake limits still apply)
  --rate N        at most N mutation requests a second (default 20 for a hosted project, which
                  allows 25; no limit for the local lake)
  --max-retries N retries of a request failing with 429, 5xx or a dropped connection (default 8)
  --json          print the report as JSON
  -h, --help      show this help

Exit codes: 0 every file imported (published or for review), 1 a file failed, 2 usage error.`
