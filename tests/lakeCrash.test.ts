import {spawn} from 'node:child_process'
import {mkdtemp} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {createInterface} from 'node:readline'

import {expect, test} from 'vitest'

import {startLake} from '../lake'
import {localClient} from './support/localClient'

const ROOT = new URL('..', import.meta.url).pathname

/** Starts `npm run lake` as its own process and resolves with its URL and the process. */
async function spawnLake(data: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/lake.ts', '--port', '0', '--data', data],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const lines = createInterface({input: child.stdout})
  for await (const line of lines) {
    const url = /at (http:\/\/\S+)$/.exec(line)?.[1]
    if (url) return {child, url}
  }
  throw new Error('lake exited before printing its URL')
}

test('lake: after kill -9 during a stream of writes, every acknowledged write is there, and only whole transactions', async () => {
  const data = join(await mkdtemp(join(tmpdir(), 'newsroom-crash-')), 'production.ndjson')
  const {child, url} = await spawnLake(data)
  const client = localClient(url)

  const acknowledged: number[] = []
  const attempted: number[] = []
  const writer = (async () => {
    for (let n = 0; ; n++) {
      attempted.push(n)
      // Each transaction writes a pair; after a crash both or neither may exist.
      await client
        .transaction()
        .create({_id: `person-${n}`, _type: 'person', name: `Person ${n}`})
        .create({_id: `newsletter-${n}`, _type: 'newsletter', title: `Letter ${n}`})
        .commit({visibility: 'sync'})
      acknowledged.push(n)
    }
  })().catch(() => undefined)

  while (acknowledged.length < 40) await new Promise((resolve) => setTimeout(resolve, 5))
  child.kill('SIGKILL')
  await writer

  const restarted = await startLake({data, port: 0})
  try {
    const reader = client.withConfig({apiHost: restarted.url})
    const ids: string[] = await reader.fetch('*[]._id', {}, {perspective: 'raw'})
    const persons = ids.filter((id) => id.startsWith('person-')).map((id) => Number(id.slice(7)))
    const letters = ids
      .filter((id) => id.startsWith('newsletter-'))
      .map((id) => Number(id.slice(11)))
    expect(persons.sort((a, b) => a - b)).toEqual(letters.sort((a, b) => a - b))
    for (const n of acknowledged) expect(persons).toContain(n)
    for (const n of persons) expect(attempted).toContain(n)
    expect(persons.length - acknowledged.length).toBeLessThanOrEqual(1)
  } finally {
    await restarted.close()
  }
}, 60_000)
