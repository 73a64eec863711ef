import type {Writable} from 'node:stream'

import type {CommandIo} from './command'

/**
 * This process as a command's {@link CommandIo}: lines to standard output and error, the
 * terminal for progress when standard error is one, `process.env` and the system clock.
 *
 * @returns the io, without a stop signal (see {@link stopSignal})
 */
export function processIo(): CommandIo {
  return {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stdoutDrained: () => drained(process.stdout),
    stderr: (text) => process.stderr.write(`${text}\n`),
    ...(process.stderr.isTTY ? {tty: (text: string) => process.stderr.write(text)} : {}),
    env: process.env,
    now: () => new Date(),
  }
}

/**
 * A signal aborted on the first Ctrl-C or SIGTERM, so a command can finish what is under way;
 * a second one exits at once with code 130. Only commands that wind down ask for one: without
 * it, Ctrl-C stops the process as usual.
 *
 * @param onStop - called on the first, e.g. to say what stopping waits for
 * @returns the signal
 */
export function stopSignal(onStop?: () => void): AbortSignal {
  const controller = new AbortController()
  const stop = () => {
    if (controller.signal.aborted) process.exit(130)
    onStop?.()
    controller.abort()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  return controller.signal
}

/**
 * Resolves once a stream holds no more than its buffer allows, at once when it already does; or
 * once it is closed or has failed, when nothing more will be taken (a reader that went away).
 *
 * @param stream - a stream being written to
 * @returns a promise that never rejects
 */
export function drained(stream: Writable): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      for (const event of EVENTS) stream.off(event, done)
      resolve()
    }
    for (const event of EVENTS) stream.once(event, done)
  })
}

const EVENTS = ['drain', 'close', 'error'] as const
