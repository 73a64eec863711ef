import {ChildProcess} from 'node:child_process'
import {once} from 'node:events'
import type {Worker} from 'node:worker_threads'

/** Requests to a worker thread or child process, each answered by the one reply with its id. */
export interface WorkerRequests<Payload, Result> {
  /**
   * Posts a request with the next id, moving the `transfer` buffers to the worker instead of
   * copying them. Resolves with its reply's result; rejects with the error the reply reports, or
   * with the worker's failure once it has failed or been closed.
   */
  send: (payload: Payload, transfer?: readonly ArrayBuffer[]) => Promise<Result>
  /** Stops the worker; requests still waiting are refused, as are later ones. */
  close: () => Promise<void>
}

/** How {@link workerRequests} reads a worker's replies. */
export interface WorkerRequestsOptions<Reply extends {id: number}, Result> {
  /** What the worker is, for errors: `conversion worker`. */
  name: string
  /** Narrows a message from the worker to a reply; anything else is ignored. */
  isReply: (message: unknown) => message is Reply
  /** A reply's result, or the error it reports. */
  read: (reply: Reply) => Result | Error
}

/**
 * Sends requests to a worker thread, or to a child process over its IPC channel, and matches
 * each reply to its request by id, whatever order the replies come in. When the worker fails or
 * exits, every request waiting and every later one is refused with the reason, naming the
 * worker.
 *
 * @param started - a started worker thread, or a child process started with an IPC channel
 *   (`serialization: 'advanced'` copies messages as a thread's are), that answers each request
 *   with a reply carrying its id
 * @param options - the worker's name, and how to recognise and read its replies
 * @returns the way to send requests, and to stop the worker
 */
export function workerRequests<Payload extends object, Reply extends {id: number}, Result>(
  started: Worker | ChildProcess,
  options: WorkerRequestsOptions<Reply, Result>,
): WorkerRequests<Payload, Result> {
  const worker = started instanceof ChildProcess ? processChannel(started) : threadChannel(started)
  const {name, isReply, read} = options
  const waiting = new Map<
    number,
    {resolve: (result: Result) => void; reject: (error: Error) => void}
  >()
  let nextId = 0
  let failure: Error | undefined
  const fail = (error: Error) => {
    failure ??= error
    for (const {reject} of waiting.values()) reject(failure)
    waiting.clear()
  }
  worker.onFailure((reason) => fail(new Error(`${name} ${reason}`)))
  worker.onMessage((message) => {
    if (!isReply(message)) return
    const request = waiting.get(message.id)
    waiting.delete(message.id)
    const result = read(message)
    if (result instanceof Error) request?.reject(result)
    else request?.resolve(result)
  })
  return {
    send: (payload, transfer = []) =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure)
        const id = nextId++
        waiting.set(id, {resolve, reject})
        worker.post({...payload, id}, transfer)
      }),
    close: async () => {
      fail(new Error(`${name} closed`))
      await worker.stop()
    },
  }
}

/** A worker thread or a child process, as {@link workerRequests} talks to either. */
interface Channel {
  onMessage: (listener: (message: unknown) => void) => void
  /** Hears why the worker can answer no more: `failed: …` or `exited with code …`. */
  onFailure: (listener: (reason: string) => void) => void
  post: (message: object, transfer: readonly ArrayBuffer[]) => void
  /** Stops the worker without reporting its exit as a failure. */
  stop: () => Promise<void>
}

function threadChannel(worker: Worker): Channel {
  return {
    onMessage: (listener) => worker.on('message', listener),
    onFailure: (listener) => {
      worker.on('error', (error) => listener(`failed: ${error.message}`))
      worker.on('exit', (code) => listener(`exited with code ${code}`))
    },
    post: (message, transfer) => worker.postMessage(message, transfer),
    stop: async () => {
      worker.removeAllListeners('exit')
      await worker.terminate()
    },
  }
}

/** A child process's IPC channel: a message is always copied, its `transfer` list unused. */
function processChannel(child: ChildProcess): Channel {
  let stopping = false
  return {
    onMessage: (listener) => child.on('message', listener),
    onFailure: (listener) => {
      child.on('error', (error) => listener(`failed: ${error.message}`))
      child.on('exit', (code, signal) => {
        if (!stopping) listener(`exited with code ${code ?? signal}`)
      })
    },
    post: (message) => child.send(message),
    stop: async () => {
      stopping = true
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = once(child, 'exit')
      child.kill()
      await exited
    },
  }
}
