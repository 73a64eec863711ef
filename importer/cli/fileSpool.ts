import {type FileHandle, mkdtemp, open, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {isRecord} from '../../dataset/isRecord'
import {readLines} from '../../dataset/readLines'
import type {ArticleWrite} from '../plan/planImport'
import type {WriteSpool} from '../run/writeSpool'

/**
 * A spool in a temporary file, one write per line, so an archive's decided writes wait on disk
 * rather than in memory. The file is removed when the spool is disposed.
 *
 * @param directory - where the temporary folder goes (the system's by default)
 * @returns the spool
 */
export function fileSpool(directory = tmpdir()): WriteSpool {
  let folder: string | undefined
  let file: FileHandle | undefined
  const path = async () => (folder ??= await mkdtemp(join(directory, 'newsroom-import-')))
  return {
    append: async (writes) => {
      if (writes.length === 0) return
      file ??= await open(join(await path(), 'writes.ndjson'), 'a')
      await file.appendFile(writes.map((write) => `${JSON.stringify(write)}\n`).join(''), 'utf8')
    },
    read: async function* () {
      await file?.close()
      file = undefined
      if (!folder) return
      for await (const line of readLines(join(folder, 'writes.ndjson'))) {
        if (line === '') continue
        const write: unknown = JSON.parse(line)
        if (!isArticleWrite(write))
          throw new Error(`fileSpool(): "${line.slice(0, 80)}" is not a write`)
        yield write
      }
    },
    dispose: async () => {
      await file?.close()
      if (folder) await rm(folder, {recursive: true, force: true})
    },
  }
}

/** The spool holds only what `append` wrote: its shape is checked, not every field. */
function isArticleWrite(value: unknown): value is ArticleWrite {
  return (
    isRecord(value) &&
    isRecord(value['article']) &&
    typeof value['article']['_id'] === 'string' &&
    Array.isArray(value['createIfMissing'])
  )
}
