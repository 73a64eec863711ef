// One run of the conversion benchmark, in its own process so that its peak RSS is one tool's:
// `node scripts/run.mjs bench/conversion/convertChild.ts --tool newsroom --n 10000 [--max-seconds S]`.
// Prints one JSON line (a ChildResult) on stdout. With --max-seconds it stops after the batch
// that takes its timed seconds past S and reports how many articles it converted.
import {parseArgs} from 'node:util'

import {type CorpusFile, generateCorpus} from '../../corpus/generateCorpus'
import type {ChildResult} from './parseChildResult'

/** A tool: what it reads of a corpus file (prepared untimed) and its timed conversion. */
interface Tool<Input> {
  prepare: (file: CorpusFile) => {input: Input; inputBytes: number}
  convert: (input: Input) => string
}

interface WireFile {
  fileName: string
  bytes: Uint8Array
}

interface HtmlFile {
  fileName: string
  html: string
}

const {values} = parseArgs({
  options: {
    'tool': {type: 'string'},
    'n': {type: 'string'},
    'batch': {type: 'string', default: '500'},
    'max-seconds': {type: 'string'},
  },
})
const count = Number(values.n)
const batchSize = Number(values.batch)
const maxSeconds = Number(values['max-seconds'] ?? Infinity)
if (!Number.isInteger(count) || count < 0 || !Number.isInteger(batchSize) || batchSize < 1) {
  throw new Error('convertChild: --n and --batch must be whole numbers')
}
if (Number.isNaN(maxSeconds)) throw new Error('convertChild: --max-seconds must be a number')

const encoder = new TextEncoder()
// Wire files arrive as bytes, so encoding is preparation, not conversion.
const wireFile = (file: CorpusFile) => {
  const bytes = encoder.encode(file.text)
  return {input: {fileName: file.fileName, bytes}, inputBytes: bytes.byteLength}
}

const tool = values.tool
let result: ChildResult
// Each tool is imported only in its own child, so that jsdom and the Sanity schema compiler do
// not count towards the other tools' peak RSS.
if (tool === 'newsroom') {
  const {newsroomNdjson} = await import('./newsroomNdjson')
  result = run(tool, {
    prepare: wireFile,
    convert: ({bytes, fileName}: WireFile) => newsroomNdjson(bytes, fileName),
  })
} else if (tool === 'split-floor') {
  const {splitFloor} = await import('./splitFloor')
  result = run(tool, {
    prepare: wireFile,
    convert: ({bytes, fileName}: WireFile) => splitFloor(bytes, fileName),
  })
} else if (tool === 'block-tools') {
  const {createBlockTools} = await import('./blockTools')
  const blockTools = createBlockTools()
  const html: Tool<HtmlFile> = {
    prepare: ({fileName, html}) => ({
      input: {fileName, html},
      inputBytes: Buffer.byteLength(html),
    }),
    convert: (file) => blockTools(file.html, file.fileName),
  }
  result = run(tool, html)
} else throw new Error(`convertChild: --tool must be newsroom, split-floor or block-tools`)
process.stdout.write(`${JSON.stringify(result)}\n`)

// Batches keep the corpus out of memory; only the conversion of each batch is timed.
function run<Input>(name: string, {prepare, convert}: Tool<Input>): ChildResult {
  let articles = 0
  let seconds = 0
  let textBytes = 0
  let inputBytes = 0
  let outputChars = 0
  let batch: Input[] = []
  const convertBatch = () => {
    const started = performance.now()
    for (const input of batch) outputChars += convert(input).length
    seconds += (performance.now() - started) / 1000
    articles += batch.length
    batch = []
  }
  for (const file of generateCorpus(count)) {
    if (seconds >= maxSeconds) break
    const prepared = prepare(file)
    batch.push(prepared.input)
    textBytes += Buffer.byteLength(file.text)
    inputBytes += prepared.inputBytes
    if (batch.length === batchSize) convertBatch()
  }
  if (batch.length > 0) convertBatch()
  const maxRssKib = process.resourceUsage().maxRSS
  return {tool: name, articles, seconds, textBytes, inputBytes, outputChars, maxRssKib}
}
