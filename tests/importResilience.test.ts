import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, test} from 'vitest'

import {generateCorpus} from '../corpus/generateCorpus'
import {clientTarget, runImport} from '../importer'
import {readSourceFile} from '../importer/cli/readSourceFile'
import {parseFaults, type RequestLogEntry, type RunningLake, seededRandom, startLake} from '../lake'
import {localClient} from '../lake'
import {createValidator, type Validator} from '../validation'
import {collect} from './support/collect'

const CLOCK = () => new Date('2024-08-17T00:00:00.000Z')
const RATE = 20

let validator: Validator
let files: string[]

beforeAll(async () => {
  validator = await createValidator()
  const folder = await mkdtemp(join(tmpdir(), 'newsroom-resilience-'))
  files = []
  for (const {fileName, text} of [...generateCorpus(200)]) {
    const path = join(folder, fileName)
    await writeFile(path, text)
    files.push(path)
  }
}, 60_000)

afterAll(() => validator.close())

/** Imports the generated articles into a fresh lake and returns its documents and log. */
async function importInto(lakeOptions: Partial<Parameters<typeof startLake>[0]>) {
  const data = join(await mkdtemp(join(tmpdir(), 'newsroom-lake-')), 'production.ndjson')
  const requests: RequestLogEntry[] = []
  const committed: string[] = []
  const lake: RunningLake = await startLake({
    data,
    port: 0,
    clock: CLOCK,
    requestLog: (entry) => requests.push(entry),
    ...lakeOptions,
  })
  lake.lake.subscribe((transaction) => committed.push(transaction.transactionId))
  try {
    const client = localClient(lake.url)
    let retries = 0
    const sent: number[] = []
    const result = await runImport(
      files,
      {},
      {
        readSource: readSourceFile,
        validate: (documents, dataset) => validator.validate(documents, dataset),
        target: clientTarget(client, lake.url, {
          rate: RATE,
          requestBudget: 16 * 1024,
          onRetry: () => retries++,
          onSend: (time) => sent.push(time),
        }),
        now: () => CLOCK().toISOString(),
        importerVersion: 'test',
      },
    )
    const documents = await client.fetch(
      '*[!(_id in path("_.**"))] | order(_id)',
      {},
      {perspective: 'raw'},
    )
    return {outcomes: await collect(result.outcomes), documents, requests, committed, retries, sent}
  } finally {
    await lake.close()
  }
}

describe('importing into a Content Lake that fights back', () => {
  test('import: through 429s, 500s, resets and latency the dataset equals a clean run’s', async () => {
    const clean = await importInto({})
    const faulty = await importInto({
      faults: parseFaults('429:0.2,500:0.05,reset:0.05,latency:5-40'),
      random: seededRandom(20240817),
    })
    expect(clean.outcomes.every((outcome) => outcome.status === 'created')).toBe(true)
    expect(faulty.outcomes.every((outcome) => outcome.status === 'created')).toBe(true)
    // Revisions name the transaction that wrote a document; requests sent side by side may reach
    // a shared person or newsletter in either order, so contents are compared without them.
    const withoutRevisions = (documents: Record<string, unknown>[]) =>
      documents.map(({_rev: _omit, ...rest}) => rest)
    expect(faulty.documents).toHaveLength(clean.documents.length)
    expect(withoutRevisions(faulty.documents)).toEqual(withoutRevisions(clean.documents))

    const faults = faulty.requests.filter(
      (entry) => entry.fault && entry.path.includes('/data/mutate/'),
    )
    expect(faults.map((entry) => entry.fault)).toEqual(
      expect.arrayContaining(['429', '500', 'reset']),
    )
    // Every fault comes back to the importer, which retries it: a reset drops the connection
    // after the lake has applied the request, so its answer is lost and it is sent again.
    expect(faulty.retries).toBeGreaterThanOrEqual(faults.length)

    // Each transaction was applied once, even when its answer was lost and it was sent again.
    expect(new Set(faulty.committed).size).toBe(faulty.committed.length)
    expect([...faulty.committed].sort()).toEqual([...clean.committed].sort())

    // No rolling second saw more mutation requests start than the limit. Starts are timed by the
    // rate limiter's own clock: the lake sees each request a varying few milliseconds later.
    for (const start of faulty.sent) {
      expect(
        faulty.sent.filter((time) => time >= start && time < start + 1000).length,
      ).toBeLessThanOrEqual(RATE)
    }
    // And none went round the limiter: by each time the lake received a mutation request, at least
    // as many had started. (Some more started: those sent on a connection the lake had dropped.)
    const received = faulty.requests
      .filter((entry) => entry.path.includes('/data/mutate/'))
      .map((entry) => entry.time)
    for (const time of received) {
      expect(faulty.sent.filter((start) => start <= time).length).toBeGreaterThanOrEqual(
        received.filter((other) => other <= time).length,
      )
    }
  }, 120_000)
})
