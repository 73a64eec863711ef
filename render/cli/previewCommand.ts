import {mkdir, writeFile} from 'node:fs/promises'
import {join} from 'node:path'

import {connectLake} from '../../lake/cli/connectLake'
import type {CommandOutput} from '../../queries/cli/queryCommand'
import {articleBySlug, articleSlugs} from '../../queries/queries'
import {renderPage} from '../renderPage'

/** Where previews go. */
export const PREVIEW_FOLDER = 'data/preview'

/**
 * `npm run preview`: renders every article of the local dataset (or `--api-host` lake) to
 * `data/preview/<slug>.html`, as a reader would see it.
 *
 * @param argv - `[--data FILE] [--api-host URL] [--out FOLDER]`
 * @param io - output and environment
 * @returns the exit code: 0 when every article rendered, 1 when there were none
 */
export async function previewCommand(argv: readonly string[], io: CommandOutput): Promise<number> {
  const option = (name: string) => {
    const index = argv.indexOf(`--${name}`)
    return index === -1 ? undefined : argv[index + 1]
  }
  const folder = option('out') ?? PREVIEW_FOLDER
  const apiHost = option('api-host')
  const connection = await connectLake({
    data: option('data') ?? 'data/production.ndjson',
    env: io.env,
    ...(apiHost ? {apiHost} : {}),
  })
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
