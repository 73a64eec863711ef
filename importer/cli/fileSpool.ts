import {type FileHandle, mkdtemp, open, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {streamJsonLines} from '../../dataset/streamJsonLines'
import type {Spool} from '../run/spool'

const CHUNK_CHARS = 1024 * 1024

/**
 * A spool in a temporary file, one JSON item per line, so an archive's decided writes and
 * outcomes wait on disk rather than in memory. The file is removed when the spool is disposed.
 *
 * @param isItem - checks an item read back: the spool holds only what `append` wrote, so this
 *   checks its shape, not every field
 * @param directory - where the temporary folder goes (the system's by default)
 * @returns the spool
 */
export function fileSpool<T>(
  isItem: (value: unknown) => value is T,
  directory = tmpdir(),
): Spool<T> {
  let folder: string | undefined
  let file: FileHandle | undefined
  const path = async () => join((folder ??= await mkdtemp(join(directory, 'newsroom-'))), 'spool')
  const closeFile = async () => {
    await file?.close()
    file = undefined
  }
  return {
    append: async (items) => {
      if (items.length === 0) return
      file ??= await open(await path(), 'a')
      // Written a megabyte or so at a time: a batch's text is never all in memory at once.
      let chunk = ''
      for (const item of items) {
        chunk += `${JSON.stringify(item)}\n`
        if (chunk.length < CHUNK_CHARS) continue
        await file.appendFile(chunk, 'utf8')
        chunk = ''
      }
      if (chunk !== '') await file.appendFile(chunk, 'utf8')
    },
    read: async function* () {
      await closeFile()
      if (folder) yield* streamJsonLines(await path(), isItem, 'an item this spool wrote')
    },
    dispose: async () => {
      await closeFile()
      if (folder) await rm(folder, {recursive: true, force: true})
    },
  }
}
