// A child of the import benchmark: `@sanity/import` (what `sanity dataset import` runs) loading
// an NDJSON file into the lake at a URL. Arguments: the file, the lake's URL.
import {createReadStream} from 'node:fs'

import {createClient} from '@sanity/client'
import {sanityImport} from '@sanity/import'

const [file, apiHost] = process.argv.slice(2)
if (!file || !apiHost) throw new Error('sanityImportChild: give an NDJSON file and a lake URL')
const client = createClient({
  projectId: 'local',
  dataset: 'production',
  apiHost,
  useProjectHostname: false,
  apiVersion: '2025-02-19',
  useCdn: false,
  // @sanity/import insists on a token; the local lake accepts any.
  token: 'local',
})
const {numDocs} = await sanityImport(createReadStream(file), {client, operation: 'createOrReplace'})
process.stdout.write(`${JSON.stringify({documents: numDocs})}\n`)
