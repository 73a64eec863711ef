import {existsSync} from 'node:fs'
import {mkdtemp, readdir, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {beforeAll, describe, expect, test} from 'vitest'

import {startLake} from '../lake'
import {type RenderableArticle, type RenderableSection, renderPage} from '../render'
import {
  parsePreviewArgs,
  PREVIEW_FOLDER,
  PREVIEW_USAGE,
  previewCommand,
} from '../render/cli/previewCommand'
import {DEFAULT_DATA_FILE} from '../settings'
import {florent, newsletter} from './fixtures/contentModel'
import {dailySignup} from './fixtures/frontEndQueries'

/** Command lines and what `npm run preview` reads from them. */
const argv: {n: number; input: string[]; output: ReturnType<typeof parsePreviewArgs>}[] = [
  {n: 1, input: [], output: {args: {data: DEFAULT_DATA_FILE, out: PREVIEW_FOLDER}}},
  {n: 2, input: ['--data', 'x.ndjson'], output: {args: {data: 'x.ndjson', out: PREVIEW_FOLDER}}},
  {n: 3, input: ['--out', 'site'], output: {args: {data: DEFAULT_DATA_FILE, out: 'site'}}},
  {
    n: 4,
    input: ['--api-host', 'http://127.0.0.1:3334'],
    output: {
      args: {data: DEFAULT_DATA_FILE, apiHost: 'http://127.0.0.1:3334', out: PREVIEW_FOLDER},
    },
  },
  {n: 5, input: ['--api-host', ''], output: {args: {data: DEFAULT_DATA_FILE, out: PREVIEW_FOLDER}}},
  {
    n: 6,
    input: ['--out', 'site', '--api-host', 'https://lake.example', '--data', 'x.ndjson'],
    output: {args: {data: 'x.ndjson', apiHost: 'https://lake.example', out: 'site'}},
  },
  {n: 7, input: ['--help'], output: {help: true}},
  {n: 8, input: ['-h', '--data', 'x.ndjson'], output: {help: true}},
  {n: 9, input: ['--data'], output: {usageError: "Option '--data <value>' argument missing"}},
  {n: 10, input: ['--bad'], output: {usageError: "Unknown option '--bad'"}},
  {
    n: 11,
    input: ['site'],
    output: {
      usageError: "Unexpected argument 'site'. This command does not take positional arguments",
    },
  },
]

describe('parsePreviewArgs', () => {
  test.each(argv)('parsePreviewArgs: $n reads $input', ({input, output}) => {
    expect(parsePreviewArgs(input)).toStrictEqual(output)
  })
})

let folder: string
/** A dataset of articles, a person, a newsletter. */
let data: string

const paragraph = (key: string, text: string) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: [],
  children: [{_type: 'span', _key: `${key}s`, text, marks: []}],
})

/** An article document, `sections` as stored. */
const articleDocument = (slug: string, title: string, sections: object[], extra: object = {}) => ({
  _id: `article-${title.toLowerCase().replaceAll(' ', '-')}`,
  _type: 'article',
  title,
  slug: {_type: 'slug', current: slug},
  sections,
  ...extra,
})

/** What `alpha` renders from: its byline and signup block resolved. */
const alpha: RenderableArticle = {
  _id: 'article-alpha',
  title: 'Alpha',
  slug: 'alpha',
  standfirst: 'Kyiv wants talks.',
  publishedAt: '2024-08-16T18:00:00Z',
  byline: {
    authors: [{name: 'Florent Vergnes', slug: 'florent-vergnes', role: null}],
    agencies: ['AFP'],
  },
  sections: [
    {
      _key: 's1',
      heading: 'The East',
      anchor: 'the-east',
      content: [
        {
          _type: 'block',
          _key: 'p1',
          style: 'normal',
          markDefs: [],
          children: [{_type: 'span', _key: 'p1s', text: 'Fighting went on.', marks: []}],
        },
        dailySignup,
      ],
    },
  ],
}

/** The paragraph `beta` and `Zulu` hold, as `articleBySlug` returns it. */
const text: RenderableSection['content'][number] = {
  _type: 'block',
  _key: 'p1',
  style: 'normal',
  markDefs: [],
  children: [{_type: 'span', _key: 'p1s', text: 'Text.', marks: []}],
}

/** An article of a headless section with that paragraph, as `articleBySlug` returns it. */
const plain = (slug: string, title: string): RenderableArticle => ({
  _id: `article-${title.toLowerCase()}`,
  title,
  slug,
  standfirst: null,
  publishedAt: null,
  byline: {authors: [], agencies: []},
  sections: [{_key: 's1', heading: null, anchor: null, content: [text]}],
})

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'newsroom-preview-'))
  data = join(folder, 'production.ndjson')
  const lake = await startLake({data, port: 0})
  await lake.lake.mutate([
    {createOrReplace: florent},
    {createOrReplace: newsletter},
    {
      createOrReplace: articleDocument(
        'alpha',
        'Alpha',
        [
          {
            _type: 'section',
            _key: 's1',
            heading: 'The East',
            anchor: {_type: 'slug', current: 'the-east'},
            content: [
              paragraph('p1', 'Fighting went on.'),
              {
                _type: 'newsletterBlock',
                _key: 'signup',
                newsletter: {_type: 'reference', _ref: newsletter._id},
              },
            ],
          },
        ],
        {
          standfirst: 'Kyiv wants talks.',
          publishedAt: '2024-08-16T18:00:00Z',
          byline: {
            _type: 'byline',
            authors: [{_type: 'reference', _key: 'a1', _ref: florent._id}],
            agencies: ['AFP'],
          },
        },
      ),
    },
    {
      createOrReplace: articleDocument('beta', 'Beta', [
        {
          _type: 'section',
          _key: 's1',
          content: [paragraph('p1', 'Text.'), {_type: 'youtubeEmbed', _key: 'y1'}],
        },
      ]),
    },
    {
      createOrReplace: articleDocument('Zulu', 'Zulu', [
        {_type: 'section', _key: 's1', content: [paragraph('p1', 'Text.')]},
      ]),
    },
    // Slugs that are not safe as file names: never written.
    {
      createOrReplace: articleDocument('two words', 'Two words', [
        {_type: 'section', _key: 's1', content: [paragraph('p1', 'Text.')]},
      ]),
    },
    {
      createOrReplace: articleDocument('../outside', 'Outside', [
        {_type: 'section', _key: 's1', content: [paragraph('p1', 'Text.')]},
      ]),
    },
  ])
  await lake.close()
})

async function preview(args: string[]) {
  const stdout: string[] = []
  const stderr: string[] = []
  const code = await previewCommand(args, {
    stdout: (text) => stdout.push(text),
    stderr: (text) => stderr.push(text),
    env: {},
  })
  return {code, stdout, stderr}
}

/** Checks the pages `previewCommand` wrote to `out` and the lines it printed. */
async function expectPages(out: string, run: Awaited<ReturnType<typeof preview>>) {
  expect(run.code).toBe(0)
  expect(await readdir(out)).toEqual(['Zulu.html', 'alpha.html', 'beta.html'])
  expect(await readFile(join(out, 'alpha.html'), 'utf8')).toBe(renderPage(alpha))
  expect(await readFile(join(out, 'beta.html'), 'utf8')).toBe(renderPage(plain('beta', 'Beta')))
  expect(await readFile(join(out, 'Zulu.html'), 'utf8')).toBe(renderPage(plain('Zulu', 'Zulu')))
  expect(run.stdout).toEqual([
    `wrote ${join(out, 'Zulu.html')}`,
    `wrote ${join(out, 'alpha.html')}`,
    `wrote ${join(out, 'beta.html')}`,
  ])
  expect(run.stderr).toEqual([
    'preview: beta: renderArticle(): Unknown block type "youtubeEmbed", specify a component for it in the `components.types` option',
  ])
  expect(existsSync(join(out, '..', 'outside.html'))).toBe(false)
}

describe('npm run preview', () => {
  test('previewCommand: --help prints the usage, exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      expect(await preview([flag])).toEqual({code: 0, stdout: [PREVIEW_USAGE], stderr: []})
    }
  })

  test('previewCommand: a bad flag prints the message and the usage, exit 2', async () => {
    expect(await preview(['--bad'])).toEqual({
      code: 2,
      stdout: [],
      stderr: [`preview: Unknown option '--bad'\n\n${PREVIEW_USAGE}`],
    })
  })

  test('previewCommand: an empty dataset writes nothing, exit 1', async () => {
    const empty = join(folder, 'empty.ndjson')
    const out = join(folder, 'empty-preview')
    expect(await preview(['--data', empty, '--out', out])).toEqual({
      code: 1,
      stdout: [],
      stderr: [`preview: no articles in ${empty}; run npm run import first`],
    })
    expect(existsSync(out)).toBe(false)
  })

  test('previewCommand: writes a page per article whose slug is safe as a file name', async () => {
    const out = join(folder, 'site', 'preview')
    await expectPages(out, await preview(['--data', data, '--out', out]))
  })

  test('previewCommand: stops the lake it started over the dataset', async () => {
    const run = await preview(['--data', data, '--out', join(folder, 'again')])
    expect(run.code).toBe(0)
    // The dataset is free again: a lake can open it.
    const lake = await startLake({data, port: 0})
    await lake.close()
  })

  test('previewCommand: --api-host reads from that lake, not the dataset file', async () => {
    const lake = await startLake({data, port: 0})
    try {
      const out = join(folder, 'remote')
      const run = await preview([
        '--api-host',
        lake.url,
        '--data',
        join(folder, 'none.ndjson'),
        '--out',
        out,
      ])
      await expectPages(out, run)
    } finally {
      await lake.close()
    }
  })
})
