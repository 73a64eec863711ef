// A child of the query benchmark: the front-end queries evaluated by plain groq-js over the whole
// dataset in memory, as a full scan, in its own process so its memory is not the benchmark's.
// `node scripts/run.mjs bench/queries/groqJsChild.ts --data FILE --runs N --budget-ms MS --slug S
// --author A --term T [--from I]` runs the queries from the I-th on. Prints JSON lines
// (GroqJsLine): `loaded`, then `run` before every evaluation and `case` after each query.
import {parseArgs} from 'node:util'

import {evaluate, parse} from 'groq-js'

import {readNdjson} from '../../dataset/ndjson'
import type {GroqJsLine} from './parseGroqJsLine'
import {queryCases} from './queryCases'
import {timeRuns} from './timeRuns'

const {values} = parseArgs({
  options: {
    'data': {type: 'string'},
    'runs': {type: 'string'},
    'budget-ms': {type: 'string'},
    'slug': {type: 'string'},
    'author': {type: 'string'},
    'term': {type: 'string'},
    'from': {type: 'string', default: '0'},
  },
})
const {data, slug, author, term} = values
const runs = Number(values.runs)
const budgetMs = Number(values['budget-ms'])
const from = Number(values.from)
if (!data || !slug || !author || !term || !(runs >= 1) || !(budgetMs >= 0) || !(from >= 0)) {
  throw new Error('groqJsChild: give --data, --runs, --budget-ms, --slug, --author and --term')
}
const print = (line: GroqJsLine) => process.stdout.write(`${JSON.stringify(line)}\n`)

const loadStarted = performance.now()
const dataset = await readNdjson(data)
print({
  type: 'loaded',
  documents: dataset.length,
  loadSeconds: (performance.now() - loadStarted) / 1000,
})

for (const {name, query, params} of queryCases({slug, authorSlug: author, term}).slice(from)) {
  const run = async (): Promise<unknown> => {
    print({type: 'run', name})
    const value = await evaluate(parse(query, {params}), {dataset, params})
    return value.get()
  }
  // The untimed warm-up compiles groq-js's code paths for this query and gives the result.
  const warmUpStarted = performance.now()
  const result = await run()
  const warmUpMs = performance.now() - warmUpStarted
  const timesMs = await timeRuns({runs, budgetMs}, run)
  print({type: 'case', timings: {name, status: 'measured', warmUpMs, timesMs, result}})
}
