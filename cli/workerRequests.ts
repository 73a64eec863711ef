import type {Worker} from 'node:worker_threads'

/** Requests to a worker thread, each answered by the one reply that carries its id. */
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
 * Sends requests to a worker thread and matches each reply to its request by id, whatever
 * order the replies come in. When the worker fails or exits, every request waiting and every
 * later one is refused with the reason, naming the worker.
 *
 * @param worker - a started worker that answers each request with a reply carrying its id
 * @param options - the worker's name, and how to recognise and read its replies
 * @returns the way to send requests, and to stop the worker
 */
export function workerRequests<Payload extends object, Reply extends {id: number}, Result>(
  worker: Worker,
  options: WorkerRequestsOptions<Reply, Result>,
): WorkerRequests<Payload, Result> {
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
  worker.on('error', (error) => fail(new Error(`${name} failed: ${error.message}`)))
  worker.on('exit', (code) => fail(new Error(`${name} exited with code ${code}`)))
  worker.on('message', (message: unknown) => {
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
        worker.postMessage({...payload, id}, transfer)
      }),
    close: async () => {
      fail(new Error(`${name} closed`))
      worker.removeAllListeners('exit')
      await worker.terminate()
    },
  }
}
