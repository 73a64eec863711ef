// Runs inside Sanity's studio worker (vite-node + browser stubs), where the Studio config loads.
import {parentPort, workerData} from 'node:worker_threads'

import {getStudioWorkspaces, getWorkspace} from '@sanity/cli-core'
import {createClient} from '@sanity/client'
import {validateDocument} from 'sanity'

import {createDatasetRequester} from './datasetRequester'
import {formatPath} from './formatPath'
import {type DocumentValidation, isValidationRequest} from './protocol'

const studioRoot = process.env['STUDIO_WORKER_STUDIO_ROOT_PATH'] ?? process.cwd()

if (!isValidationRequest(workerData)) {
  throw new TypeError('validateDocuments.worker: expected {documents, dataset} as workerData')
}
const {documents, dataset} = workerData

const workspace = getWorkspace(await getStudioWorkspaces(studioRoot), undefined)
const known = new Map([...dataset, ...documents].map((document) => [document._id, document]))
const client = createClient({
  projectId: workspace.projectId,
  dataset: workspace.dataset,
  apiVersion: '2025-02-19',
  useCdn: false,
  requester: createDatasetRequester([...known.values()]),
})

const results: DocumentValidation[] = []
for (const document of documents) {
  if (!workspace.schema.get(document._type)) {
    results.push(unknownType(document))
    continue
  }
  const markers = await validateDocument({
    document,
    workspace,
    // The Studio environment reports each rule at its own level with its own message. The CLI
    // environment appends an unknown-field check with `.warning()` to every rule on an object
    // value, which turns, for example, a missing byline into a warning reading "Required".
    environment: 'studio',
    getClient: (options) => client.withConfig(options),
    getDocumentExists: ({id}) => Promise.resolve(known.has(id)),
  })
  results.push({
    documentId: document._id,
    documentType: document._type,
    // Sanity resolves rules concurrently; sorting keeps reports identical from run to run.
    issues: markers
      .map(({level, message, path}) => ({level, message, path}))
      .sort(
        (a, b) => compare(formatPath(a.path), formatPath(b.path)) || compare(a.message, b.message),
      ),
  })
}
parentPort?.postMessage(results)

function unknownType(document: {_id: string; _type: string}): DocumentValidation {
  const message = `"${document._type}" is not a type in the Studio schema`
  return {
    documentId: document._id,
    documentType: document._type,
    issues: [{level: 'error', message, path: ['_type']}],
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
