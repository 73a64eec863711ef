import {
  link,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {beforeEach, describe, expect, test} from 'vitest'

import {lockDataFile, type LockFileOperations} from '../lake/store/lockDataFile'
import {messageOf, rejectionOf} from './support/rejection'

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

/** A process the staged process check finds running; every other one is gone. */
const LIVE_PID = 900_001
/** Another gone process. */
const OTHER_PID = 900_002

/** A file system error as Node gives them: the message begins with the code. */
function failure(code: string, detail: string): Error {
  return Object.assign(new Error(`${code}: ${detail}`), {code})
}

/** A call's argument as logged: files by their name in the test folder, random parts as `*`. */
function show(argument: unknown): string {
  if (typeof argument !== 'string') return JSON.stringify(argument) ?? String(argument)
  return JSON.stringify(argument.replace(`${folder}/`, '').replace(/\.[0-9a-f]{12}\./, '.*.'))
}

interface Stage {
  /** The real file operations and a staged process check, some replaced, each call logged. */
  operations: LockFileOperations
  /** Each call as `name arguments…`. */
  calls: string[]
}

/** Operations on the real files of the test folder, with `replaced` instead of some. */
function stage(replaced: Partial<LockFileOperations> = {}): Stage {
  const use: LockFileOperations = {
    link,
    readFile,
    rename,
    rm,
    writeFile,
    kill: (pid) => {
      if (pid !== LIVE_PID) throw failure('ESRCH', 'no such process')
    },
    ...replaced,
  }
  const calls: string[] = []
  const logged =
    <A extends unknown[], R>(name: string, operation: (...args: A) => R) =>
    (...args: A): R => {
      calls.push([name, ...args.map(show)].join(' '))
      return operation(...args)
    }
  return {
    calls,
    operations: {
      link: logged('link', use.link),
      readFile: logged('readFile', use.readFile),
      rename: logged('rename', use.rename),
      rm: logged('rm', use.rm),
      writeFile: logged('writeFile', use.writeFile),
      kill: logged('kill', use.kill),
    },
  }
}

/** A `link` of a file system without hard links. */
const noHardLinks = () => Promise.reject(failure('EPERM', 'operation not permitted'))

/** The calls of one operation. */
const callsOf = (calls: string[], name: string) =>
  calls.filter((call) => call.startsWith(`${name} `))

describe('lockDataFile with staged file operations', () => {
  const mine = JSON.stringify(`${process.pid}\n`)
  const temporary = '"production.ndjson.lock.*.tmp"'

  test.each([
    {n: 1, input: 'EPERM'},
    {n: 2, input: 'ENOTSUP'},
    {n: 3, input: 'EOPNOTSUPP'},
    {n: 4, input: 'ENOSYS'},
  ])(
    'lockDataFile: $n where hard links fail $input, the lock is created exclusively holding this process id',
    async ({input}) => {
      const {operations, calls} = stage({
        link: () => Promise.reject(failure(input, 'no hard links here')),
      })
      const lock = await lockDataFile(data, operations)
      expect(await readFile(lockPath, 'utf8')).toBe(`${process.pid}\n`)
      expect(await readdir(folder)).toEqual(['production.ndjson.lock'])
      await lock.release()
      expect(await readdir(folder)).toEqual([])
      expect(calls).toEqual([
        `writeFile ${temporary} ${mine}`,
        `link ${temporary} "production.ndjson.lock"`,
        `writeFile "production.ndjson.lock" ${mine} {"flag":"wx"}`,
        `rm ${temporary} {"force":true}`,
        'readFile "production.ndjson.lock" "utf8"',
        'rm "production.ndjson.lock" {"force":true}',
      ])
    },
  )

  test('lockDataFile: where there are no hard links, a lock held by a live process is refused and left as it is', async () => {
    await writeFile(lockPath, `${LIVE_PID}\n`)
    const {operations} = stage({link: noHardLinks})
    expect(await messageOf(lockDataFile(data, operations))).toBe(
      `lockDataFile(): ${data} is in use by process ${LIVE_PID}: stop it first (its lock is ${lockPath}; delete that only if no lake runs)`,
    )
    expect(await readFile(lockPath, 'utf8')).toBe(`${LIVE_PID}\n`)
    expect(await readdir(folder)).toEqual(['production.ndjson.lock'])
  })

  test('lockDataFile: a hard link failing otherwise fails naming the file and the cause, and leaves no file', async () => {
    const {operations, calls} = stage({
      link: () => Promise.reject(failure('EXDEV', 'cross-device link not permitted')),
    })
    const error = await rejectionOf(lockDataFile(data, operations))
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({
      message: `lockDataFile(): locking ${data} (${lockPath}) failed: EXDEV: cross-device link not permitted`,
      cause: {code: 'EXDEV'},
    })
    expect(await readdir(folder)).toEqual([])
    expect(calls).toEqual([
      `writeFile ${temporary} ${mine}`,
      `link ${temporary} "production.ndjson.lock"`,
      `rm ${temporary} {"force":true}`,
    ])
  })

  test('lockDataFile: a temporary lock that cannot be written whole is removed, and the failure names the file', async () => {
    const {operations} = stage({
      writeFile: async (path) => {
        await writeFile(path, '')
        throw failure('ENOSPC', 'no space left on device')
      },
    })
    expect(await messageOf(lockDataFile(data, operations))).toBe(
      `lockDataFile(): locking ${data} (${lockPath}) failed: ENOSPC: no space left on device`,
    )
    expect(await readdir(folder)).toEqual([])
  })

  test("lockDataFile: a lock held by another user's process is refused naming it, and left as it is", async () => {
    await writeFile(lockPath, `${OTHER_PID}\n`)
    const {operations} = stage({
      kill: () => {
        throw failure('EPERM', 'operation not permitted')
      },
    })
    expect(await messageOf(lockDataFile(data, operations))).toBe(
      `lockDataFile(): ${data} is in use by process ${OTHER_PID}: stop it first (its lock is ${lockPath}; delete that only if no lake runs)`,
    )
    expect(await readFile(lockPath, 'utf8')).toBe(`${OTHER_PID}\n`)
    expect(await readdir(folder)).toEqual(['production.ndjson.lock'])
  })

  const stale = '"production.ndjson.lock.*.stale"'

  test.each([
    {
      n: 1,
      name: 'gone before it is set aside (retried)',
      // Another process removed it first: the rename finds no file.
      input: async (from: string, to: string) => {
        await rm(from)
        await rename(from, to)
      },
      output: {kills: [`kill ${GONE_PID} 0`], removed: [`rm ${temporary} {"force":true}`]},
    },
    {
      n: 2,
      name: 'first retaken by a gone process',
      input: async (from: string, to: string) => {
        await writeFile(from, `${OTHER_PID}\n`)
        await rename(from, to)
      },
      output: {
        kills: [`kill ${GONE_PID} 0`, `kill ${OTHER_PID} 0`],
        removed: [`rm ${stale} {"force":true}`, `rm ${temporary} {"force":true}`],
      },
    },
    {
      n: 3,
      name: 'emptied before it is set aside',
      input: async (from: string, to: string) => {
        await writeFile(from, '')
        await rename(from, to)
      },
      output: {
        kills: [`kill ${GONE_PID} 0`],
        removed: [`rm ${stale} {"force":true}`, `rm ${temporary} {"force":true}`],
      },
    },
    {
      n: 4,
      name: 'removed once set aside',
      input: async (from: string, to: string) => {
        await rename(from, to)
        await rm(to)
      },
      output: {
        kills: [`kill ${GONE_PID} 0`],
        removed: [`rm ${stale} {"force":true}`, `rm ${temporary} {"force":true}`],
      },
    },
  ])('lockDataFile: $n a stale lock is taken over: $name', async ({input, output}) => {
    await writeFile(lockPath, `${GONE_PID}\n`)
    const {operations, calls} = stage({rename: input})
    const lock = await lockDataFile(data, operations)
    expect(await readFile(lockPath, 'utf8')).toBe(`${process.pid}\n`)
    expect(await readdir(folder)).toEqual(['production.ndjson.lock'])
    expect(callsOf(calls, 'link')).toHaveLength(2)
    expect(callsOf(calls, 'kill')).toEqual(output.kills)
    expect(callsOf(calls, 'rm')).toEqual(output.removed)
    await lock.release()
  })

  test('lockDataFile: a stale lock is set aside as read, without asking again whether its process runs', async () => {
    await writeFile(lockPath, `${GONE_PID}\n`)
    let checks = 0
    // Its process id is given to a new process after the first check.
    const {operations, calls} = stage({
      kill: () => {
        if (checks++ === 0) throw failure('ESRCH', 'no such process')
      },
    })
    const lock = await lockDataFile(data, operations)
    expect(await readFile(lockPath, 'utf8')).toBe(`${process.pid}\n`)
    expect(await readdir(folder)).toEqual(['production.ndjson.lock'])
    expect(callsOf(calls, 'kill')).toEqual([`kill ${GONE_PID} 0`])
    await lock.release()
  })

  test.each([
    {n: 1, name: 'linked back', input: {}},
    {n: 2, name: 'written back without hard links', input: {link: noHardLinks}},
  ])(
    'lockDataFile: $n a live process that took the lock before it was set aside keeps it: $name',
    async ({input}) => {
      await writeFile(lockPath, `${GONE_PID}\n`)
      const {operations, calls} = stage({
        rename: async (from, to) => {
          await writeFile(from, `${LIVE_PID}\n`)
          await rename(from, to)
        },
        ...input,
      })
      expect(await messageOf(lockDataFile(data, operations))).toBe(
        `lockDataFile(): ${data} is in use by process ${LIVE_PID}: stop it first (its lock is ${lockPath}; delete that only if no lake runs)`,
      )
      expect(await readFile(lockPath, 'utf8')).toBe(`${LIVE_PID}\n`)
      expect(await readdir(folder)).toEqual(['production.ndjson.lock'])
      expect(callsOf(calls, 'kill')).toEqual([`kill ${GONE_PID} 0`, `kill ${LIVE_PID} 0`])
      expect(callsOf(calls, 'rm')).toEqual([
        `rm ${stale} {"force":true}`,
        `rm ${temporary} {"force":true}`,
      ])
    },
  )

  test('lockDataFile: a stale lock that cannot be set aside fails naming the file and the cause, and is left', async () => {
    await writeFile(lockPath, `${GONE_PID}\n`)
    const {operations} = stage({
      rename: () => Promise.reject(failure('EACCES', 'permission denied')),
    })
    const error = await rejectionOf(lockDataFile(data, operations))
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({
      message: `lockDataFile(): locking ${data} (${lockPath}) failed: EACCES: permission denied`,
      cause: {code: 'EACCES'},
    })
    expect(await readFile(lockPath, 'utf8')).toBe(`${GONE_PID}\n`)
    expect(await readdir(folder)).toEqual(['production.ndjson.lock'])
  })

  test('lockDataFile: a stale lock that keeps coming back is given up after three takeovers', async () => {
    await writeFile(lockPath, `${GONE_PID}\n`)
    // Another process writes a stale lock again each time one is set aside.
    const {operations, calls} = stage({
      rename: async (from, to) => {
        await rename(from, to)
        await writeFile(from, `${GONE_PID}\n`)
      },
    })
    expect(await messageOf(lockDataFile(data, operations))).toBe(
      `lockDataFile(): could not take over the stale lock ${lockPath}`,
    )
    expect(await readFile(lockPath, 'utf8')).toBe(`${GONE_PID}\n`)
    expect(await readdir(folder)).toEqual(['production.ndjson.lock'])
    expect(callsOf(calls, 'link')).toHaveLength(4)
    expect(callsOf(calls, 'rename')).toHaveLength(3)
    expect(callsOf(calls, 'rm')).toEqual([
      `rm ${stale} {"force":true}`,
      `rm ${stale} {"force":true}`,
      `rm ${stale} {"force":true}`,
      `rm ${temporary} {"force":true}`,
    ])
  })

  test('lockDataFile: release leaves a lock file it cannot read', async () => {
    const {operations, calls} = stage({
      readFile: () => Promise.reject(failure('EACCES', 'permission denied')),
    })
    const lock = await lockDataFile(data, operations)
    calls.length = 0
    await lock.release()
    expect(calls).toEqual(['readFile "production.ndjson.lock" "utf8"'])
    expect(await readFile(lockPath, 'utf8')).toBe(`${process.pid}\n`)
  })

  test('lockDataFile: release succeeds when the lock is removed meanwhile', async () => {
    // Removed by hand between release reading it and removing it.
    const {operations, calls} = stage({
      readFile: async (path, encoding) => {
        const text = await readFile(path, encoding)
        await rm(path)
        return text
      },
    })
    const lock = await lockDataFile(data, operations)
    calls.length = 0
    await lock.release()
    expect(calls).toEqual([
      'readFile "production.ndjson.lock" "utf8"',
      'rm "production.ndjson.lock" {"force":true}',
    ])
    expect(await readdir(folder)).toEqual([])
  })
})
