import {checkArgs, parseCommandLine, type ParsedArgs, UsageError} from '../../cli/command'
import {DEFAULT_DATA_FILE} from '../../settings'
import {SPOOL_FOLDER} from './fileSpool'

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
  /** The import time from `SOURCE_DATE_EPOCH`, ISO 8601, so runs are reproducible byte for byte. */
  fixedTime?: string
}

/** Default source folder. */
export const DEFAULT_SOURCES = 'seeds'

/**
 * Reads `npm run import -- [options] [paths…]` and `SOURCE_DATE_EPOCH`, checking every value.
 *
 * @param argv - the arguments after the script name
 * @param env - the environment (`SOURCE_DATE_EPOCH`: whole seconds since 1970)
 * @returns the options, with `seeds/` when no path is given; or a message naming the option or
 *   variable that is wrong
 */
export function parseImportArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ParsedArgs<ImportArgs> {
  return checkArgs<ImportArgs>(() => {
    const {values, positionals} = parseCommandLine(
      argv,
      {
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
      true,
    )
    if (values.help) return {help: true}
    const fixedTime = readSourceDateEpoch(env['SOURCE_DATE_EPOCH'])
    return {
      args: {
        paths: positionals.length > 0 ? positionals : [DEFAULT_SOURCES],
        data: values.data ?? DEFAULT_DATA_FILE,
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
        ...(fixedTime ? {fixedTime} : {}),
      },
    }
  })
}

/** `SOURCE_DATE_EPOCH` (whole seconds since 1970) as an ISO 8601 time; unset or empty, none. */
function readSourceDateEpoch(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined
  if (!/^\d+$/.test(value)) {
    throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${value}"`)
  }
  return new Date(Number(value) * 1000).toISOString()
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
                  this run (default: ${DEFAULT_DATA_FILE}); the run spools to ${SPOOL_FOLDER}/
                  beside it, whatever the target
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
                  write without schema validation, as sanity dataset import does: only for
                  documents checked elsewhere (lake limits still apply); validating costs little
  --rate N        at most N mutation requests a second (default 20 for a hosted project, which
                  allows 25; no limit for the local lake)
  --max-retries N retries of a request failing with 429, 5xx or a dropped connection (default 8)
  --json          print the report as JSON
  -h, --help      show this help

SOURCE_DATE_EPOCH (seconds since 1970) fixes the import time, for byte-identical runs.

Exit codes: 0 every file imported (published or for review), 1 a file failed, 2 usage error.`
