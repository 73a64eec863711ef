// Runs in a worker thread: a replica of the lake's documents, kept up to date by the lake, that
// answers queries which may take long, off the lake's event loop.
import {parentPort} from 'node:worker_threads'

import type {SanityDocument} from '@sanity/client'

import {LakeError} from '../shared/LakeError'
import {createViewCache} from './createViewCache'
import {isWorkerRequest, type WorkerReply} from './queryWorkerProtocol'
import {parseQuery, runQuery} from './runQuery'

const documents = new Map<string, SanityDocument>()
const views = createViewCache(() => documents.values())

parentPort?.on('message', async (message: unknown) => {
  if (!isWorkerRequest(message)) return
  if (message.kind !== 'query') {
    if (message.kind === 'load') documents.clear()
    for (const {id, after} of message.changes) {
      if (after) documents.set(id, after)
      else documents.delete(id)
    }
    if (message.kind === 'load') views.invalidate()
    else views.apply(message.changes)
    return
  }
  const {id, query, params, perspective} = message
  let reply: WorkerReply
  try {
    const tree = parseQuery(query, params)
    reply = {id, result: await runQuery(tree, params, views.view(perspective))}
  } catch (error) {
    const lakeError =
      error instanceof LakeError
        ? error
        : new LakeError(500, 'queryError', error instanceof Error ? error.message : String(error))
    reply = {id, error: lakeError.toJSON().error, statusCode: lakeError.statusCode}
  }
  parentPort?.postMessage(reply)
})
