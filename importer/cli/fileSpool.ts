import {randomBytes} from 'node:crypto'
import {type FileHandle, mkdir, open, readdir, rm} from 'node:fs/promises'
import {dirname, join} from 'node:path'

import {hasErrorCode, isNotFound} from '../../dataset/guards'
import {streamJsonLines} from '../../dataset/ndjson'
import type {Spool} from '../run/spool'

const CHUNK_CHARS = 1024 * 1024

/** The hidden folder, beside the dataset file, that holds the spools of imports under way. */
export const SPOOL_FOLDER = '.import-spool'

/**
 * Where an import over a dataset file spools: `.import-spool/` beside it. Kept off the system's
 * temporary folder so that what a killed import leaves is found, and removed, by the next.
 *
 * @param data - the local dataset file (`--data`)
 * @returns the spool folder's path
 */
export function spoolDirectory(data: string): string {
  return join(dirname(data), SPOOL_FOLDER)
}

/**
 * A spool in a file, one JSON item per line, so an archive's decided writes and outcomes wait
 * on disk rather than in memory. The file goes in a folder of its own, `<pid>-<random>`, made in
 * `directory` on the first write and removed when the spool is disposed; a folder a killed
 * process left is removed by {@link removeStaleSpools}.
 *
 * @param isItem - checks an item read back: the spool holds only what `append` wrote, so this
 *   checks its shape, not every field
 * @param directory - where the spool's folder goes, made if missing (see {@link spoolDirectory})
 * @returns the spool
 */
export function fileSpool<T>(isItem: (value: unknown) => value is T, directory: string): Spool<T> {
  let folder: string | undefined
  let file: FileHandle | undefined
  const path = async () => {
    if (!folder) {
      const name = join(directory, `${process.pid}-${randomBytes(6).toString('hex')}`)
      await mkdir(directory, {recursive: true})
      await mkdir(name)
      folder = name
    }
    return join(folder, 'spool')
  }
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
      if (!folder) return
      await rm(folder, {recursive: true, force: true})
    },
  }
}

/**
 * Removes the spool folders of imports whose process is gone (a crash, `kill -9`), as the
 * lake's lock is taken over from a dead process. A folder is named after its process's id.
 *
 * @param directory - the spool folder (see {@link spoolDirectory}); missing is empty
 * @returns the names of the folders removed
 */
export async function removeStaleSpools(directory: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(directory)
  } catch (error) {
    if (isNotFound(error)) return []
    throw error
  }
  const removed: string[] = []
  for (const name of names) {
    const pid = /^(\d+)-/.exec(name)?.[1]
    const path = join(directory, name)
    if (pid === undefined || isAlive(Number(pid))) continue
    await rm(path, {recursive: true, force: true})
    removed.push(name)
  }
  return removed
}

/**
 * Whether a process is running. This one is: a folder named after it may be another import's
 * in this process, and one an earlier process with the same id left goes at a later run.
 */
function isAlive(pid: number): boolean {
  if (pid === process.pid) return true
  if (pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // It exists but belongs to another user.
    return hasErrorCode(error, 'EPERM')
  }
}
