import {readFile, rm, writeFile} from 'node:fs/promises'

/** Where a running lake announces itself: beside its dataset file. */
export function lakeFilePath(data: string): string {
  return `${data}.lake.json`
}

/**
 * Records that a lake serves `data` at `url`, so other tools (the importer) use it instead of
 * opening the same file themselves.
 *
 * @param data - the dataset file
 * @param url - the lake's base URL
 * @throws Error naming the announcement file when it cannot be written
 */
export async function announceLake(data: string, url: string): Promise<void> {
  const path = lakeFilePath(data)
  try {
    await writeFile(path, `${JSON.stringify({url, pid: process.pid})}\n`)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`announceLake(): writing ${path} failed (${reason})`, {cause: error})
  }
}

/**
 * Removes the announcement when the lake stops.
 *
 * @param data - the dataset file
 */
export async function withdrawLake(data: string): Promise<void> {
  await rm(lakeFilePath(data), {force: true})
}

/**
 * Finds the lake serving `data`, if one announced itself and its process is alive.
 *
 * @param data - the dataset file
 * @returns its base URL, or undefined
 */
export async function findRunningLake(data: string): Promise<string | undefined> {
  const text = await readFile(lakeFilePath(data), 'utf8').catch(() => undefined)
  if (!text) return undefined
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null || !('url' in value) || !('pid' in value))
      return undefined
    if (typeof value.url !== 'string' || typeof value.pid !== 'number') return undefined
    process.kill(value.pid, 0)
    return value.url
  } catch {
    return undefined
  }
}
