// A child of the import benchmark: `@sanity/import` (what `sanity dataset import` runs) loading
// an NDJSON file into the lake at a URL. Arguments: the file, the lake's URL.
import {createReadStream} from 'node:fs'

import {sanityImport} from '@sanity/import'

import {localClient} from '../../lake'

const [file, apiHost] = process.argv.slice(2)
if (!file || !apiHost) throw new Error('sanityImportChild: give an NDJSON file and a lake URL')
// @sanity/import insists on a token; the local lake accepts any.
const client = localClient(apiHost).withConfig({token: 'local'})
const {numDocs} = await sanityImport(createReadStream(file), {client, operation: 'createOrReplace'})
process.stdout.write(`${JSON.stringify({documents: numDocs})}\n`)
