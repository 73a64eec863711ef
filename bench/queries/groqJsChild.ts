// A child of the query benchmark: the front-end queries evaluated by plain groq-js over the whole
// dataset in memory, as a full scan, in its own process so its memory is not the benchmark's.
// `node --import tsx bench/queries/groqJsChild.ts --data FILE --runs N --slug S --author A
// --term T`. Prints one JSON line (GroqJsTimings) on stdout.
import {parseArgs} from 'node:util'

import {evaluate, parse} from 'groq-js'

import {readNdjson} from '../../dataset/readNdjson'
import type {GroqJsTimings} from './parseGroqJsTimings'
import {queryCases} from './queryCases'
import {timeRuns} from './timeRuns'

const {values} = parseArgs({
  options: {
    data: {type: 'string'},
    runs: {type: 'string'},
    slug: {type: 'string'},
    author: {type: 'string'},
    term: {type: 'string'},
  },
})
const {data, slug, author, term} = values
const runs = Number(values.runs)
if (!data || !slug || !author || !term || !Number.isInteger(runs) || runs < 1) {
  throw new Error('groqJsChild: give --data, --runs (≥ 1), --slug, --author and --term')
}

const loadStarted = performance.now()
const dataset = await readNdjson(data)
const loadSeconds = (performance.now() - loadStarted) / 1000

const run = async (query: string, params: Record<string, unknown>): Promise<unknown> => {
  const value = await evaluate(parse(query, {params}), {dataset, params})
  return value.get()
}
const cases = []
for (const {name, query, params} of queryCases({slug, authorSlug: author, term})) {
  // The untimed warm-up compiles groq-js's code paths for this query and gives the result.
  const result = await run(query, params)
  const timesMs = await timeRuns(runs, () => run(query, params))
  cases.push({name, timesMs, result})
}
const timings: GroqJsTimings = {documents: dataset.length, loadSeconds, cases}
process.stdout.write(`${JSON.stringify(timings)}\n`)
