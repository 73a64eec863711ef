import {execFileSync} from 'node:child_process'
import {copyFile, mkdir, mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {createServer} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, beforeAll, beforeEach, describe, expect, test} from 'vitest'

import {importCommand} from '../importer'
import {startLake} from '../lake'
import {announceLake, withdrawLake} from '../lake/cli/lakeFile'
import {createValidator, type Validator} from '../validation'

const SEED = new URL('../seeds/kursk-advance.txt', import.meta.url)
const EPOCH = '1723852800' // 2024-08-17T00:00:00Z

let validator: Validator
let folder: string
let sources: string
let dataset: string

beforeAll(async () => {
  validator = await createValidator()
})
afterAll(() => validator.close())

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'newsroom-import-'))
  sources = join(folder, 'seeds')
  dataset = join(folder, 'data', 'production.ndjson')
  await mkdir(sources)
  await copyFile(SEED, join(sources, 'kursk-advance.txt'))
})

async function runImport(args: string[], env: Record<string, string> = {SOURCE_DATE_EPOCH: EPOCH}) {
  const stdout: string[] = []
  const stderr: string[] = []
  const code = await importCommand(
    args,
    {
      stdout: (text) => stdout.push(...text.split('\n')),
      stderr: (line) => stderr.push(line),
      env,
      now: () => new Date('2030-01-01T00:00:00Z'),
    },
    {
      validate: (documents, stored) => validator.validate(documents, stored),
      importerVersion: '1.0.0',
    },
  )
  return {code, stdout: stdout.join('\n'), stderr: stderr.join('\n')}
}

async function readDataset(path = dataset): Promise<Record<string, unknown>[]> {
  const text = await readFile(path, 'utf8')
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
}

describe('npm run import', () => {
  test('importCommand: imports the seed and reports what it wrote', async () => {
    const {code, stdout} = await runImport(['--data', dataset, sources])
    expect(code).toBe(0)
    expect(stdout).toContain('created   ')
    expect(stdout).toContain(
      'article-kursk-advance · 3 sections · Florent Vergnes, with AFP · newsletter “Subscribe to our newsletter”',
    )
    expect(stdout).toContain('note: headline derived from the lead, review it')
    expect(stdout).toMatch(
      /1 file: 1 created, 0 updated, 0 unchanged, 0 review, 0 kept, 0 failed; written to .*production\.ndjson$/,
    )
    const ids = (await readDataset()).map((document) => document['_id'])
    expect(ids).toEqual([
      'article-kursk-advance',
      'newsletter-subscribe-to-our-newsletter',
      'person-florent-vergnes',
    ])
  })

  test('importCommand: two runs over the same sources write byte-identical NDJSON', async () => {
    const otherDataset = join(folder, 'other.ndjson')
    await runImport(['--data', dataset, sources])
    const first = await readFile(dataset)
    const second = await runImport(['--data', dataset, sources])
    expect(second.stdout).toContain('unchanged')
    expect(await readFile(dataset)).toEqual(first)
    await runImport(['--data', otherDataset, sources])
    expect(await readFile(otherDataset)).toEqual(first)
  })

  test('importCommand: an article edited since its import is kept, and --force replaces it', async () => {
    await runImport(['--data', dataset, sources])
    const documents = await readDataset()
    const edited = documents.map((document) =>
      document['_id'] === 'article-kursk-advance'
        ? {...document, title: 'Edited in Studio'}
        : document,
    )
    await writeFile(dataset, edited.map((document) => `${JSON.stringify(document)}\n`).join(''))
    const before = await readFile(dataset)

    const kept = await runImport(['--data', dataset, sources])
    expect(kept.code).toBe(0)
    expect(kept.stdout).toMatch(/^kept {6}.*kursk-advance\.txt/m)
    expect(kept.stdout).toContain('was edited since it was imported; --force replaces it')
    expect(await readFile(dataset)).toEqual(before)

    const forced = await runImport(['--data', dataset, '--force', sources])
    expect(forced.stdout).toMatch(/^updated {3}/m)
    const title = (await readDataset()).find((d) => d['_id'] === 'article-kursk-advance')?.['title']
    expect(title).toMatch(/^Ukraine claimed/)
  })

  test('importCommand: an article with a draft an editor changed is kept', async () => {
    await runImport(['--data', dataset, sources])
    const documents = await readDataset()
    const article = documents.find((d) => d['_id'] === 'article-kursk-advance')
    const draft = {...article, _id: 'drafts.article-kursk-advance', title: 'Draft headline'}
    await writeFile(dataset, [...documents, draft].map((d) => `${JSON.stringify(d)}\n`).join(''))
    const {stdout} = await runImport(['--data', dataset, sources])
    expect(stdout).toMatch(/^kept {6}.*→ drafts\.article-kursk-advance/m)
    expect(stdout).toContain('has a draft an editor changed; --force replaces it')
  })

  test('importCommand: a changed source whose article nobody edited is updated', async () => {
    await runImport(['--data', dataset, sources])
    const file = join(sources, 'kursk-advance.txt')
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('At least 12 civilians', 'At least 13 civilians'))
    const {code, stdout} = await runImport(['--data', dataset, sources])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^updated {3}.*kursk-advance\.txt/m)
    expect(await readFile(dataset, 'utf8')).toContain('At least 13 civilians')
  })

  test('importCommand: --ndjson writes exactly the documents of the run', async () => {
    const out = join(folder, 'export.ndjson')
    const {code} = await runImport(['--ndjson', out, sources])
    expect(code).toBe(0)
    expect((await readDataset(out)).map((d) => d['_type'])).toEqual([
      'article',
      'newsletter',
      'person',
    ])
    await expect(readFile(dataset)).rejects.toThrow(/ENOENT/)
  })

  test('importCommand: --dry-run validates and reports but writes nothing', async () => {
    const {code, stdout} = await runImport(['--data', dataset, '--dry-run', sources])
    expect(code).toBe(0)
    expect(stdout).toContain('created   ')
    expect(stdout).toContain('dry run, nothing written')
    await expect(readFile(dataset)).rejects.toThrow(/ENOENT/)
  })

  test('importCommand: writes the report in pieces of whole lines, each once standard output took the last', async () => {
    const events: string[] = []
    const texts: string[] = []
    const code = await importCommand(
      ['--data', dataset, '--dry-run', sources],
      {
        stdout: (text) => {
          texts.push(text)
          events.push('write')
        },
        stdoutDrained: async () => {
          await new Promise((resolve) => setTimeout(resolve, 1))
          events.push('drained')
        },
        stderr: () => undefined,
        env: {SOURCE_DATE_EPOCH: EPOCH},
      },
      {
        validate: (documents, stored) => validator.validate(documents, stored),
        importerVersion: '1',
      },
    )
    expect(code).toBe(0)
    // Every write is followed by the wait for it, before the next write.
    expect(events).toEqual(texts.flatMap(() => ['write', 'drained']))
    // One file's report is one piece: its line, its notes and the totals.
    expect(texts).toHaveLength(1)
    const lines = texts.join('\n').split('\n')
    expect(lines[0]).toMatch(/^created {3}\S+kursk-advance\.txt → /)
    expect(lines.at(-1)).toBe(
      '1 file: 1 created, 0 updated, 0 unchanged, 0 review, 0 kept, 0 failed; dry run, nothing written',
    )
  })

  test('importCommand: --json prints a report for scripts', async () => {
    const {stdout} = await runImport(['--data', dataset, '--json', sources])
    const report = JSON.parse(stdout)
    expect(report.totals).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
      review: 0,
      kept: 0,
      failed: 0,
    })
    expect(report.files[0]).toMatchObject({
      status: 'created',
      articleId: 'article-kursk-advance',
      titleDerived: true,
      sections: [null, 'Refugee Flows', 'Russian Pressure in the East'],
      byline: 'Florent Vergnes, with AFP',
      newsletter: 'Subscribe to our newsletter',
    })
  })

  test('importCommand: writes through a running lake, found beside the dataset or given', async () => {
    const lake = await startLake({data: dataset, port: 0})
    await announceLake(dataset, lake.url)
    try {
      const found = await runImport(['--data', dataset, sources])
      expect(found.code).toBe(0)
      expect(found.stdout).toContain(`via the lake at ${lake.url}`)
      expect(lake.lake.getDocuments(['article-kursk-advance']).documents).toHaveLength(1)
      const given = await runImport(['--api-host', lake.url, sources])
      expect(given.stdout).toMatch(/^unchanged /m)
    } finally {
      await withdrawLake(dataset)
      await lake.close()
    }
  })

  test('importCommand: --drafts imports drafts for editors to publish; the default publishes', async () => {
    const lake = await startLake({data: dataset, port: 0})
    try {
      const drafted = await runImport(['--api-host', lake.url, '--drafts', sources])
      expect(drafted.stdout).toContain('note: imported as a draft')
      const ids = (documents: {_id: string}[]) => documents.map((document) => document._id)
      expect(
        ids(
          lake.lake.getDocuments(['article-kursk-advance', 'drafts.article-kursk-advance'])
            .documents,
        ),
      ).toEqual(['drafts.article-kursk-advance'])
      expect((await runImport(['--api-host', lake.url, '--drafts', sources])).stdout).toMatch(
        /^unchanged /m,
      )
      // An editor publishes the draft as it is: a re-import finds nothing new.
      await lake.lake.actions([
        {
          actionType: 'sanity.action.document.publish',
          draftId: 'drafts.article-kursk-advance',
          publishedId: 'article-kursk-advance',
        },
      ])
      expect((await runImport(['--api-host', lake.url, '--drafts', sources])).stdout).toMatch(
        /^unchanged /m,
      )
      // A changed source becomes a new draft over the published article, which stays as it is.
      const file = join(sources, 'kursk-advance.txt')
      await writeFile(file, (await readFile(file, 'utf8')).replace('12 civilians', '13 civilians'))
      expect((await runImport(['--api-host', lake.url, '--drafts', sources])).stdout).toMatch(
        /^updated /m,
      )
      const [published, draft] = lake.lake.getDocuments([
        'article-kursk-advance',
        'drafts.article-kursk-advance',
      ]).documents
      expect(JSON.stringify(published)).toContain('12 civilians')
      expect(JSON.stringify(draft)).toContain('13 civilians')
    } finally {
      await lake.close()
    }
  })

  test('importCommand: an unknown option is a usage error (exit 2)', async () => {
    const {code, stderr} = await runImport(['--frobnicate'])
    expect(code).toBe(2)
    expect(stderr).toContain("Unknown option '--frobnicate'")
    expect(stderr).toContain('Usage: npm run import')
  })

  test('importCommand: an article failing a rule is a draft for review; --strict refuses it', async () => {
    const standfirst = 'x'.repeat(321)
    await writeFile(
      join(sources, 'long.txt'),
      `---\nstandfirst: ${standfirst}\n---\nBy Ann Lee\n\nText.\n`,
    )
    const strict = await runImport(['--data', dataset, '--strict', sources])
    expect(strict.code).toBe(1)
    expect(strict.stdout).toMatch(/^failed {3}.*long\.txt$/m)
    expect(strict.stdout).toContain(
      'error: Standfirst: Keep the standfirst to 320 characters or fewer.',
    )
    expect(strict.stdout).toContain('nothing written')
    await expect(readFile(dataset)).rejects.toThrow(/ENOENT/)

    const strictKeepGoing = await runImport([
      '--data',
      dataset,
      '--strict',
      '--keep-going',
      sources,
    ])
    expect(strictKeepGoing.code).toBe(1)
    expect((await readDataset()).map((d) => d['_id'])).toEqual([
      'article-kursk-advance',
      'newsletter-subscribe-to-our-newsletter',
      'person-florent-vergnes',
    ])

    const {code, stdout} = await runImport(['--data', dataset, sources])
    expect(code).toBe(0)
    expect(stdout).toMatch(
      /^review {4}.*long\.txt → drafts\.article-long · Standfirst: Keep the standfirst to 320 characters or fewer\. · 1 section · Ann Lee$/m,
    )
    const draft = (await readDataset()).find((d) => d['_id'] === 'drafts.article-long')
    expect(draft?.['standfirst']).toBe(standfirst)
    expect(draft?.['importNotes']).toEqual([
      'Standfirst: Keep the standfirst to 320 characters or fewer.',
      'headline derived from the lead, review it: "Text"',
    ])
  })

  test('importCommand: an uncredited article is written as a draft with all its sections; --strict writes nothing', async () => {
    const uncredited = join(folder, 'uncredited')
    await mkdir(uncredited)
    await writeFile(
      join(uncredited, 'storm.txt'),
      'Storm closes ports\n\nThe storm closed every port on the coast on Tuesday.\n\nWhat happens next\n\nPorts reopen when the wind drops below gale force.\n',
    )
    const strict = await runImport(['--data', dataset, '--strict', uncredited])
    expect(strict.code).toBe(1)
    expect(strict.stdout).toContain('error: Byline: Credit at least one author or one agency.')
    await expect(readFile(dataset)).rejects.toThrow(/ENOENT/)

    const {code, stdout} = await runImport(['--data', dataset, uncredited])
    expect(code).toBe(0)
    expect(stdout).toMatch(
      /^review {4}.*storm\.txt → drafts\.article-storm · Byline: Credit at least one author or one agency\. · 2 sections · no byline$/m,
    )
    expect(stdout).toContain('note: no credit found: add an author or an agency')
    expect(stdout).toContain('0 created, 0 updated, 0 unchanged, 1 review, 0 kept, 0 failed')
    const documents = await readDataset()
    expect(documents.map((d) => d['_id'])).toEqual(['drafts.article-storm'])
    expect(documents[0]).toMatchObject({
      title: 'Storm closes ports',
      sections: [{content: [{}]}, {heading: 'What happens next', content: [{}]}],
      importNotes: [
        'Byline: Credit at least one author or one agency.',
        'no credit found: add an author or an agency',
      ],
    })
  })

  test('importCommand: a changed source failing a rule becomes a review draft over the published article, which stays', async () => {
    expect((await runImport(['--data', dataset, sources])).code).toBe(0)
    const file = join(sources, 'kursk-advance.txt')
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('Florent Vergnes, with AFP\n', ''))
    const review = await runImport(['--data', dataset, sources])
    expect(review.code).toBe(0)
    expect(review.stdout).toMatch(
      /^review {4}.*kursk-advance\.txt → drafts\.article-kursk-advance · Byline: Credit at least one author or one agency\./m,
    )
    const documents = await readDataset()
    const published = documents.find((d) => d['_id'] === 'article-kursk-advance')
    const draft = documents.find((d) => d['_id'] === 'drafts.article-kursk-advance')
    expect(JSON.stringify(published?.['byline'])).toContain('person-florent-vergnes')
    expect(draft?.['byline']).toEqual({_type: 'byline', agencies: [], authors: []})
    // The unedited review draft is the article's current version: a re-run leaves it as it is.
    const again = await runImport(['--data', dataset, sources])
    expect(again.stdout).toMatch(/^unchanged .*→ drafts\.article-kursk-advance/m)
    expect(again.stdout).toContain('still a draft: publish it in the Studio')
  })

  test('importCommand: an article whose slug a stored article holds gets its own; re-runs keep both', async () => {
    const floods = join(folder, 'floods')
    await mkdir(floods)
    const story = (text: string) => `# Floods close the ring road\n\n${text}\n\nBy Ann Lee\n`
    await writeFile(join(floods, 'a.txt'), story('Water rose overnight.'))
    expect((await runImport(['--data', dataset, join(floods, 'a.txt')])).code).toBe(0)
    await writeFile(join(floods, 'b.txt'), story('The road reopened.'))
    const second = await runImport(['--data', dataset, join(floods, 'b.txt')])
    expect(second.code).toBe(0)
    expect(second.stdout).toMatch(/^review {4}.*b\.txt → drafts\.article-b · Slug: /m)
    const again = await runImport(['--data', dataset, floods])
    expect(again.stdout).toMatch(/^unchanged .*a\.txt → article-a /m)
    expect(again.stdout).toMatch(/^unchanged .*b\.txt → drafts\.article-b /m)
    const slugs = (await readDataset())
      .filter((document) => document['_type'] === 'article')
      .map((document) => [document['_id'], JSON.stringify(document['slug'])])
    expect(slugs).toEqual([
      ['article-a', '{"_type":"slug","current":"floods-close-the-ring-road"}'],
      ['drafts.article-b', '{"_type":"slug","current":"floods-close-the-ring-road-2"}'],
    ])
  })
})

describe('npm run import: bad input leaves the dataset byte-identical', () => {
  const badInputs: [string, string, Uint8Array | string, RegExp][] = [
    [
      'invalid UTF-8',
      'latin1.txt',
      new Uint8Array([0x48, 0x69, 0x20, 0xe9, 0x74, 0xe9]),
      /latin1\.txt \(byte 3\): not valid UTF-8/,
    ],
    [
      'a NUL byte',
      'binary.txt',
      new Uint8Array([0x41, 0x0a, 0x00, 0x42]),
      /binary\.txt \(byte 2\): NUL byte/,
    ],
    ['an empty file', 'empty.txt', '', /empty\.txt: file is empty or only whitespace/],
    [
      'a whitespace-only file',
      'blank.txt',
      ' \n\t\n \r\n',
      /blank\.txt: file is empty or only whitespace/,
    ],
    [
      'a file over 5 MB',
      'huge.txt',
      'a'.repeat(5 * 1024 * 1024 + 1),
      /huge\.txt: file is 5\.0 MB; the limit is 5 MB/,
    ],
    [
      'unterminated front matter',
      'open.txt',
      '---\ntitle: x\nText',
      /open\.txt:1: front matter opened with --- is never closed/,
    ],
    [
      'an unknown front matter field',
      'field.txt',
      '---\nauthor: x\n---\nText',
      /field\.txt: unknown front matter field "author"/,
    ],
  ]

  test.each(badInputs)(
    'importCommand: %s fails with a one-line error naming the file',
    async (_, name, contents, message) => {
      await runImport(['--data', dataset, sources])
      const before = await readFile(dataset)
      const bad = join(folder, name)
      await writeFile(bad, contents)
      const {code, stdout} = await runImport(['--data', dataset, bad])
      expect(code).toBe(1)
      expect(stdout).toMatch(message)
      expect(await readFile(dataset)).toEqual(before)
    },
  )

  test('importCommand: a missing path fails with its name, and nothing is written', async () => {
    await runImport(['--data', dataset, sources])
    const before = await readFile(dataset)
    const {code, stdout} = await runImport(['--data', dataset, sources, join(folder, 'nope.txt')])
    expect(code).toBe(1)
    expect(stdout).toMatch(/nope\.txt: no such file or folder/)
    expect(await readFile(dataset)).toEqual(before)
  })

  test('importCommand: an unreadable path fails with its name, and nothing is written', async () => {
    await runImport(['--data', dataset, sources])
    const before = await readFile(dataset)
    // A socket cannot be opened for reading, even by root (who reads any file regardless of mode).
    const socket = join(folder, 'socket.txt')
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(socket, resolve))
    try {
      const {code, stdout} = await runImport(['--data', dataset, sources, socket])
      expect(code).toBe(1)
      expect(stdout).toMatch(/socket\.txt: cannot be read/)
      expect(await readFile(dataset)).toEqual(before)
    } finally {
      server.close()
    }
  })

  test('importCommand: a named pipe fails as not a file, without waiting for a writer', async () => {
    await runImport(['--data', dataset, sources])
    const before = await readFile(dataset)
    const pipe = join(folder, 'pipe.txt')
    execFileSync('mkfifo', [pipe])
    const {code, stdout} = await runImport(['--data', dataset, sources, pipe])
    expect(code).toBe(1)
    expect(stdout).toMatch(/pipe\.txt: not a file/)
    expect(await readFile(dataset)).toEqual(before)
  })
})
