import {mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {beforeEach, describe, expect, test} from 'vitest'

import {lockDataFile} from '../lake/store/lockDataFile'

let folder: string
let data: string
let lockPath: string

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'newsroom-lock-'))
  data = join(folder, 'production.ndjson')
  lockPath = `${data}.lock`
})

/** Above the largest process id Linux (2^22) and macOS (99998) give out: never running. */
const GONE_PID = 2 ** 22 + 1

/** The error a promise rejects with. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('resolved'),
    (error: unknown) => error,
  )
}

const messageOf = async (promise: Promise<unknown>) => {
  const error = await rejectionOf(promise)
  return error instanceof Error ? error.message : String(error)
}

describe('lockDataFile', () => {
  test('lockDataFile: writes this process id to <file>.lock, and release removes it', async () => {
    const lock = await lockDataFile(data)
    expect(lock.path).toBe(lockPath)
    expect(await readFile(lockPath, 'utf8')).toBe(`${process.pid}\n`)
    // The temporary it was linked from is gone.
    expect(await readdir(folder)).toEqual(['production.ndjson.lock'])
    await lock.release()
    expect(await readdir(folder)).toEqual([])
    await lock.release()
    expect(await readdir(folder)).toEqual([])
  })

  test('lockDataFile: a second lock in this process is refused, naming it as this one, until released', async () => {
    const lock = await lockDataFile(data)
    expect(await messageOf(lockDataFile(data))).toBe(
      `lockDataFile(): ${data} is in use by process ${process.pid} (this one): stop it first (its lock is ${lockPath}; delete that only if no lake runs)`,
    )
    await lock.release()
    const again = await lockDataFile(data)
    await again.release()
  })

  test.each([
    {n: 1, content: `${GONE_PID}\n`},
    // An earlier process that had this one's id: it holds no lock in this process.
    {n: 2, content: `${process.pid}\n`},
    {n: 3, content: '0\n'},
    {n: 4, content: 'not a process id\n'},
    {n: 5, content: ''},
  ])('lockDataFile: stale lock $n (its process is gone) is taken over', async ({content}) => {
    await writeFile(lockPath, content)
    const lock = await lockDataFile(data)
    expect(await readFile(lockPath, 'utf8')).toBe(`${process.pid}\n`)
    // No temporary and no stale lock set aside is left behind.
    expect(await readdir(folder)).toEqual(['production.ndjson.lock'])
    await lock.release()
    expect(await readdir(folder)).toEqual([])
  })

  test('lockDataFile: a lock held by a live process is refused naming it, and left as it is', async () => {
    await writeFile(lockPath, `${process.ppid}\n`)
    expect(await messageOf(lockDataFile(data))).toBe(
      `lockDataFile(): ${data} is in use by process ${process.ppid}: stop it first (its lock is ${lockPath}; delete that only if no lake runs)`,
    )
    expect(await readFile(lockPath, 'utf8')).toBe(`${process.ppid}\n`)
    expect(await readdir(folder)).toEqual(['production.ndjson.lock'])
    // The refusal did not leave the file held by this process.
    await rm(lockPath)
    const lock = await lockDataFile(data)
    await lock.release()
  })

  test('lockDataFile: a lock that keeps existing without a holder is given up after a few tries', async () => {
    // A link to nowhere: it exists, so the lock cannot be created, yet reads as no file.
    await symlink(join(folder, 'nowhere'), lockPath)
    expect(await messageOf(lockDataFile(data))).toBe(
      `lockDataFile(): could not take over the stale lock ${lockPath}`,
    )
    expect(await readlink(lockPath)).toBe(join(folder, 'nowhere'))
    expect(await readdir(folder)).toEqual(['production.ndjson.lock'])
  })

  test('lockDataFile: a lock that cannot be read fails naming the file and the cause', async () => {
    await mkdir(lockPath)
    const error = await rejectionOf(lockDataFile(data))
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({
      message: `lockDataFile(): locking ${data} (${lockPath}) failed: EISDIR: illegal operation on a directory, read`,
      cause: {code: 'EISDIR'},
    })
    expect(await readdir(folder)).toEqual(['production.ndjson.lock'])
    // The failure did not leave the file held by this process.
    await rm(lockPath, {recursive: true})
    const lock = await lockDataFile(data)
    await lock.release()
  })

  test('lockDataFile: a folder that does not exist fails naming the file', async () => {
    const missing = join(folder, 'missing', 'production.ndjson')
    const message = await messageOf(lockDataFile(missing))
    // The temporary the lock is written to first has a random name.
    expect(message.replace(/\.[0-9a-f]{12}\.tmp'$/, ".<random>.tmp'")).toBe(
      `lockDataFile(): locking ${missing} (${missing}.lock) failed: ENOENT: no such file or directory, open '${missing}.lock.<random>.tmp'`,
    )
  })

  test('lockDataFile: release leaves a lock another process has taken over', async () => {
    const lock = await lockDataFile(data)
    await writeFile(lockPath, `${process.ppid}\n`)
    await lock.release()
    expect(await readFile(lockPath, 'utf8')).toBe(`${process.ppid}\n`)
  })
})
