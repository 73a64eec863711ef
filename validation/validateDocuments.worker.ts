// Runs inside Sanity's studio worker (vite-node + browser stubs), where the Studio config loads.
// It loads the workspace once, then answers validation requests until it is terminated.
import {deserialize} from 'node:v8'
import {parentPort} from 'node:worker_threads'

import {getStudioWorkspaces, getWorkspace} from '@sanity/cli-core'
import {createClient, type SanityDocument} from '@sanity/client'
import {type SchemaType, validateDocument} from 'sanity'

import {createDatasetRequester} from './datasetRequester'
import {fieldTitle} from './fieldTitle'
import {formatPath} from './formatPath'
import {
  type DocumentValidation,
  isSerializedValidationRequest,
  isValidationRequest,
  knownDocuments,
} from './protocol'

/** Documents validated at once. */
const CONCURRENCY = 32

const studioRoot = process.env['STUDIO_WORKER_STUDIO_ROOT_PATH'] ?? process.cwd()
const workspace = getWorkspace(await getStudioWorkspaces(studioRoot), undefined)

parentPort?.on('message', async (message: unknown) => {
  if (!isSerializedValidationRequest(message)) return
  try {
    const request: unknown = deserialize(message.request)
    if (!isValidationRequest(request)) throw new Error('the request holds no documents to validate')
    const results = await validateAll(request.documents, request.dataset)
    parentPort?.postMessage({id: message.id, results})
  } catch (error) {
    parentPort?.postMessage({
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
    })
  }
})
parentPort?.postMessage({ready: true})

async function validateAll(
  documents: SanityDocument[],
  dataset: SanityDocument[],
): Promise<DocumentValidation[]> {
  const known = knownDocuments(documents, dataset)
  const client = createClient({
    projectId: workspace.projectId,
    dataset: workspace.dataset,
    apiVersion: '2025-02-19',
    useCdn: false,
    requester: createDatasetRequester([...known.values()]),
  })
  // Validation waits on promises more than on the CPU, so documents are validated side by side.
  const results: DocumentValidation[] = new Array(documents.length)
  let next = 0
  const worker = async () => {
    while (next < documents.length) {
      const index = next++
      const document = documents[index]
      if (!document) continue
      const schemaType = workspace.schema.get(document._type)
      results[index] = schemaType
        ? await validateOne(document, schemaType, client, known)
        : unknownType(document)
    }
  }
  await Promise.all(Array.from({length: CONCURRENCY}, worker))
  return results
}

async function validateOne(
  document: SanityDocument,
  schemaType: SchemaType,
  client: ReturnType<typeof createClient>,
  known: ReadonlyMap<string, SanityDocument>,
): Promise<DocumentValidation> {
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
  return {
    documentId: document._id,
    documentType: document._type,
    // Sanity resolves rules concurrently; sorting keeps reports identical from run to run.
    issues: markers
      .map(({level, message, path}) => ({
        level,
        message,
        path,
        field: fieldTitle(schemaType, document, path),
      }))
      .sort(
        (a, b) => compare(formatPath(a.path), formatPath(b.path)) || compare(a.message, b.message),
      ),
  }
}

function unknownType(document: {_id: string; _type: string}): DocumentValidation {
  const message = `"${document._type}" is not a type in the Studio schema`
  return {
    documentId: document._id,
    documentType: document._type,
    issues: [{level: 'error', message, path: ['_type'], field: 'Type'}],
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
