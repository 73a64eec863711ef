import {spawn} from 'node:child_process'
import {readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

import {isRecord} from '../../dataset/guards'

/** The project root: children run its TypeScript from here, bundled by `scripts/run.mjs`. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** A running Node child and what it is observed to use. */
export interface NodeChild {
  pid: number
  /** Lines of standard output so far. */
  stdout: () => string[]
  /** The highest resident set size seen so far, in MiB. */
  peakRssMb: () => number
  /** Resolves with the exit code (null when killed) once the child has exited and its output is read. */
  exited: Promise<number | null>
  kill: (signal?: NodeJS.Signals) => void
}

const POLL_MS = 50
const RUN = 'scripts/run.mjs'

/**
 * Starts `node scripts/run.mjs <script> …args` from the project root, as the npm scripts start
 * the project's commands, and follows its peak memory by reading the kernel's high-water mark
 * (`VmHWM`, /proc) every 50 ms while it runs, which counts its worker threads too, and adds its
 * child processes' own.
 *
 * @param script - a path from the project root, e.g. `scripts/import.ts`
 * @param args - the script's arguments
 * @param nodeFlags - Node's own flags, before the script
 * @returns the child
 */
export function runNode(
  script: string,
  args: readonly string[],
  nodeFlags: readonly string[] = [],
): NodeChild {
  const child = spawn(process.execPath, [...nodeFlags, RUN, script, ...args], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const pid = child.pid
  if (pid === undefined) throw new Error(`runNode(): "${script}" did not start`)
  const lines: string[] = []
  let partial = ''
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n')
    partial = parts.pop() ?? ''
    lines.push(...parts)
  })
  let peakKib = 0
  const poll = setInterval(() => {
    peakKib = Math.max(peakKib, highWaterMarkKib(pid))
  }, POLL_MS)
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    // 'close', not 'exit': by then standard output has been read to its end.
    child.once('close', (code) => {
      clearInterval(poll)
      if (partial) lines.push(partial)
      resolve(code)
    })
  })
  return {
    pid,
    stdout: () => lines,
    peakRssMb: () => Math.max(peakKib, highWaterMarkKib(pid)) / 1024,
    exited,
    kill: (signal = 'SIGTERM') => child.kill(signal),
  }
}

/**
 * Starts one of the project's npm scripts as `npm run NAME` would, Node's flags included, but
 * without npm's own process in between, so the memory followed is the script's.
 *
 * @param name - a script in package.json of the form `node [flags] scripts/run.mjs FILE`
 * @param args - the script's arguments
 * @returns the child
 * @throws Error naming the script when it has another form
 */
export function runNpmScript(name: string, args: readonly string[]): NodeChild {
  const manifest: unknown = JSON.parse(readFileSync(`${PROJECT_ROOT}/package.json`, 'utf8'))
  const scripts = isRecord(manifest) && isRecord(manifest['scripts']) ? manifest['scripts'] : {}
  const script = scripts[name]
  const command =
    typeof script === 'string'
      ? /^node((?: --[\w-]+(?:=\S+)?)*) scripts\/run\.mjs (\S+\.ts)$/.exec(script)
      : null
  if (!command?.[2]) {
    throw new Error(
      `runNpmScript(): "${name}" in package.json is not "node [flags] scripts/run.mjs FILE"`,
    )
  }
  return runNode(command[2], args, command[1]?.split(' ').filter(Boolean) ?? [])
}

/**
 * The high-water mark of a process and of every process it started (Sanity's validation runs in
 * one), added together: more than they ever held at once when their peaks fell apart.
 */
function highWaterMarkKib(pid: number): number {
  let kib = 0
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    kib = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0)
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
      for (const child of children.split(' ').filter(Boolean))
        kib += highWaterMarkKib(Number(child))
    }
  } catch {
    // exited between polls
  }
  return kib
}
