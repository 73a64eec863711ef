import {randomBytes} from 'node:crypto'
import {link, readFile, rename, rm, writeFile} from 'node:fs/promises'
import {resolve} from 'node:path'

import {hasErrorCode, isNotFound} from '../../dataset'

/** An exclusive hold on a data file, taken by {@link lockDataFile}. */
export interface DataFileLock {
  /** The lock file, `<file>.lock`, holding the holder's process id. */
  path: string
  /** Gives the file up; the lock file is removed if it is still this process's. */
  release: () => Promise<void>
}

/**
 * The file operations and the process check of {@link lockDataFile}: those of
 * `node:fs/promises` and `process.kill` by default. Tests replace them to stage the races with
 * other processes and file systems without hard links, which real files cannot reach on cue.
 */
export interface LockFileOperations {
  /** Creates `newPath` as a hard link to `existingPath`; fails `EEXIST` if it exists. */
  link: (existingPath: string, newPath: string) => Promise<void>
  /** Reads a file as text. */
  readFile: (path: string, encoding: 'utf8') => Promise<string>
  /** Renames a file. */
  rename: (oldPath: string, newPath: string) => Promise<void>
  /** Removes a file; with `force`, one that does not exist too. */
  rm: (path: string, options: {force: boolean}) => Promise<void>
  /** Writes a file; with flag `'wx'`, fails `EEXIST` if it exists. */
  writeFile: (path: string, content: string, options?: {flag: string}) => Promise<void>
  /**
   * Sends a signal to a process; signal 0 only checks it exists. Throws `ESRCH` when there is
   * none, `EPERM` when it belongs to another user.
   */
  kill: (pid: number, signal: 0) => void
}

const nodeOperations: LockFileOperations = {
  link,
  readFile,
  rename,
  rm,
  writeFile,
  kill: (pid, signal) => process.kill(pid, signal),
}

/** Lock files this process holds, so a second open in the same process is refused too. */
const held = new Set<string>()

/** Attempts at taking over a stale lock before giving up (others may be doing the same). */
const TAKEOVER_ATTEMPTS = 3

/**
 * Takes an exclusive lock on a data file, so two lakes (or stores) never write the same file:
 * the second's writes would vanish when the first rewrote it. Node has no `flock`, so the lock
 * is a file, `<file>.lock`, linked into place whole (so it is never seen empty) holding the
 * holder's process id. A lock whose process is gone (a crash, `kill -9`) is stale and taken
 * over. Costs nothing per write.
 *
 * @param path - the data file
 * @param operations - the file operations and process check (the real ones by default)
 * @returns the lock, to release on close
 * @throws Error naming the file and the process holding it, when another holds it
 */
export async function lockDataFile(
  path: string,
  operations: LockFileOperations = nodeOperations,
): Promise<DataFileLock> {
  const lockPath = `${path}.lock`
  const key = resolve(lockPath)
  if (held.has(key)) throw inUse(path, lockPath, process.pid)
  // Claimed before anything async, so two opens in one process cannot both pass.
  held.add(key)
  const mine = `${process.pid}\n`
  const temporary = `${lockPath}.${randomBytes(6).toString('hex')}.tmp`
  try {
    await operations.writeFile(temporary, mine)
    for (let attempt = 0; ; attempt++) {
      try {
        await createExclusively(operations, lockPath, temporary, mine)
        break
      } catch (error) {
        if (!hasErrorCode(error, 'EEXIST')) throw error
      }
      const holder = await readHolder(operations, lockPath)
      if (typeof holder === 'number' && isAlive(operations, holder)) {
        throw inUse(path, lockPath, holder)
      }
      // Others may be taking it over or giving it up at the same moment: a few tries, no more.
      if (attempt >= TAKEOVER_ATTEMPTS) {
        throw new LockError(`lockDataFile(): could not take over the stale lock ${lockPath}`)
      }
      if (holder !== 'gone') await removeStale(operations, path, lockPath, holder)
    }
  } catch (error) {
    held.delete(key)
    if (error instanceof LockError) throw error
    throw new LockError(
      `lockDataFile(): locking ${path} (${lockPath}) failed: ${describe(error)}`,
      {
        cause: error,
      },
    )
  } finally {
    await operations.rm(temporary, {force: true})
  }
  return {
    path: lockPath,
    release: async () => {
      if (!held.delete(key)) return
      // A lock another process took over (this one was presumed dead) is not removed.
      const text = await operations.readFile(lockPath, 'utf8').catch(() => undefined)
      if (text === mine) await operations.rm(lockPath, {force: true})
    },
  }
}

/**
 * Removes a stale lock, unless another process replaced it meanwhile: it is renamed aside
 * first (atomic, so only one remover gets it), then checked, and put back if it is live.
 */
async function removeStale(
  operations: LockFileOperations,
  path: string,
  lockPath: string,
  stale: number | undefined,
): Promise<void> {
  const aside = `${lockPath}.${randomBytes(6).toString('hex')}.stale`
  try {
    await operations.rename(lockPath, aside)
  } catch (error) {
    if (isNotFound(error)) return
    throw error
  }
  try {
    const holder = await readHolder(operations, aside)
    if (
      holder === stale ||
      holder === 'gone' ||
      holder === undefined ||
      !isAlive(operations, holder)
    ) {
      return
    }
    // A live process took the lock between our reading and renaming it: it is theirs.
    await createExclusively(operations, lockPath, aside, `${holder}\n`).catch(() => undefined)
    throw inUse(path, lockPath, holder)
  } finally {
    await operations.rm(aside, {force: true})
  }
}

/**
 * Creates `target` with `content` unless it exists, by hard-linking `source` (which holds that
 * content) so it is never seen empty. Where there are no hard links (FAT, some network shares),
 * it is created and then written.
 */
async function createExclusively(
  operations: LockFileOperations,
  target: string,
  source: string,
  content: string,
): Promise<void> {
  try {
    await operations.link(source, target)
  } catch (error) {
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].some((code) => hasErrorCode(error, code))) {
      throw error
    }
    await operations.writeFile(target, content, {flag: 'wx'})
  }
}

/** The process id in a lock file: `'gone'` when there is no file, undefined when unreadable. */
async function readHolder(
  operations: LockFileOperations,
  lockPath: string,
): Promise<number | 'gone' | undefined> {
  let text
  try {
    text = await operations.readFile(lockPath, 'utf8')
  } catch (error) {
    if (isNotFound(error)) return 'gone'
    throw error
  }
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined
}

/**
 * Whether a process is running. This process counts as not: it holds no lock on the file
 * (checked first), so a lock naming it was left by an earlier process that had the same id.
 */
function isAlive(operations: LockFileOperations, pid: number): boolean {
  if (pid <= 0 || pid === process.pid) return false
  try {
    operations.kill(pid, 0)
    return true
  } catch (error) {
    // It exists but belongs to another user.
    return hasErrorCode(error, 'EPERM')
  }
}

/** A failure the lock explains itself, passed on as it is. */
class LockError extends Error {}

function inUse(path: string, lockPath: string, pid: number): LockError {
  const self = pid === process.pid ? ' (this one)' : ''
  return new LockError(
    `lockDataFile(): ${path} is in use by process ${pid}${self}: stop it first (its lock is ${lockPath}; delete that only if no lake runs)`,
  )
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
