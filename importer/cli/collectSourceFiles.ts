import {readdir, stat} from 'node:fs/promises'
import {extname, join} from 'node:path'

import {SOURCE_EXTENSIONS} from './readSourceFile'

/**
 * Expands the command line's paths into source files: folders are searched recursively for
 * `.txt` and `.md` files (sorted, hidden entries skipped); files are kept as given, so a
 * missing or wrong file is reported against its own name.
 *
 * @param paths - files and folders
 * @returns source file paths without duplicates
 */
export async function collectSourceFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = []
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined)
    files.push(...(info?.isDirectory() ? await sourcesIn(path) : [path]))
  }
  return [...new Set(files)]
}

async function sourcesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, {withFileTypes: true})
  const sorted = entries
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  // `join(folder, name)` for every entry, its folder part normalised once: a hundred thousand
  // joined paths held each a chain of pieces, about 380 bytes a file against 140 this way. An
  // entry's name is one plain segment, so it joins as any other would.
  const inFolder = join(folder, '_').slice(0, -1)
  const files: string[] = []
  for (const entry of sorted) {
    const path = inFolder + entry.name
    if (entry.isDirectory()) files.push(...(await sourcesIn(path)))
    else if (SOURCE_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(path)
  }
  return files
}
