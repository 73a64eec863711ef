import {mkdir, writeFile} from 'node:fs/promises'
import {join} from 'node:path'

import {
  checkArgs,
  commandArgs,
  type CommandIo,
  parseCommandLine,
  type ParsedArgs,
} from '../../cli/command'
import {connectLake} from '../../lake/cli/connectLake'
import {articleBySlug, articleSlugs} from '../../queries/queries'
import {DEFAULT_DATA_FILE} from '../../settings'
import {renderPage} from '../renderPage'

/** Where previews go. */
export const PREVIEW_FOLDER = 'data/preview'

/** Usage text of `npm run preview`. */
export const PREVIEW_USAGE = `Usage: npm run preview -- [--data ${DEFAULT_DATA_FILE}] [--api-host URL] [--out ${PREVIEW_FOLDER}]

Renders every article of the local dataset (through the running lake, or one started for the
run) to <out>/<slug>.html, as a reader would see it.

Options:
  --data FILE      the local dataset (default ${DEFAULT_DATA_FILE})
  --api-host URL   read from the Content Lake at URL instead
  --out FOLDER     where the pages go (default ${PREVIEW_FOLDER})
  -h, --help       show this help

Exit codes: 0 every article rendered, 1 no articles, 2 usage error.`

/** What `npm run preview` was asked to render. */
export interface PreviewArgs {
  data: string
  apiHost?: string
  out: string
}

/**
 * Reads `npm run preview -- [options]`.
 *
 * @param argv - the arguments after the script name
 * @returns the options, or a message naming the one that is wrong
 */
export function parsePreviewArgs(argv: readonly string[]): ParsedArgs<PreviewArgs> {
  return checkArgs<PreviewArgs>(() => {
    const {values} = parseCommandLine(argv, {
      'data': {type: 'string'},
      'api-host': {type: 'string'},
      'out': {type: 'string'},
      'help': {type: 'boolean', short: 'h'},
    })
    if (values.help) return {help: true}
    return {
      args: {
        data: values.data ?? DEFAULT_DATA_FILE,
        ...(values['api-host'] ? {apiHost: values['api-host']} : {}),
        out: values.out ?? PREVIEW_FOLDER,
      },
    }
  })
}

/**
 * `npm run preview`: renders every article of the local dataset (or `--api-host` lake) to
 * `data/preview/<slug>.html`, as a reader would see it.
 *
 * @param argv - `[--data FILE] [--api-host URL] [--out FOLDER]`
 * @param io - output and environment
 * @returns the exit code: 0 when every article rendered, 1 when there were none, 2 for a usage
 *   error
 */
export async function previewCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const read = commandArgs({name: 'preview', usage: PREVIEW_USAGE}, parsePreviewArgs(argv), io)
  if ('exitCode' in read) return read.exitCode
  const {data, apiHost, out: folder} = read.args
  const connection = await connectLake({data, env: io.env, ...(apiHost ? {apiHost} : {})})
  try {
    const slugs = await connection.client.fetch(articleSlugs)
    if (slugs.length === 0) {
      io.stderr(`preview: no articles in ${connection.description}; run npm run import first`)
      return 1
    }
    await mkdir(folder, {recursive: true})
    for (const slug of slugs) {
      const article = await connection.client.fetch(articleBySlug, {slug})
      if (!article || !/^[a-z0-9][a-z0-9_-]*$/i.test(slug)) continue
      const path = join(folder, `${slug}.html`)
      await writeFile(
        path,
        renderPage(article, (message) => io.stderr(`preview: ${slug}: ${message}`)),
      )
      io.stdout(`wrote ${path}`)
    }
    return 0
  } finally {
    await connection.close()
  }
}
