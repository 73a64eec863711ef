import {mkdir, mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'

import {expect, test} from 'vitest'

import {collectSourceFiles} from '../importer/cli/collectSourceFiles'

/** What the tree's root gives: its sources sorted by name, the subfolder's in its place. */
const ROOT_SOURCES = ['D.TXT', 'a.md', 'b.txt', 'c.markdown', join('later', 'e.txt')]

/** The path of a folder from the current directory. */
function fromHere(folder: string): string {
  return relative(process.cwd(), folder)
}

/** A folder of sources, a hidden file, a file of another kind and a subfolder. */
async function sourceTree(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'newsroom-sources-'))
  await mkdir(join(root, 'later'))
  await mkdir(join(root, '.hidden'))
  for (const name of ['b.txt', 'a.md', 'notes.pdf', '.draft.txt', 'c.markdown', 'D.TXT']) {
    await writeFile(join(root, name), 'text')
  }
  await writeFile(join(root, 'later', 'e.txt'), 'text')
  await writeFile(join(root, '.hidden', 'f.txt'), 'text')
  return root
}

test('collectSourceFiles: a folder gives its sources sorted by name, subfolders in place, hidden entries and other kinds left out', async () => {
  const root = await sourceTree()
  expect(await collectSourceFiles([root])).toEqual(ROOT_SOURCES.map((name) => join(root, name)))
})

test.each([
  {name: 'absolute', folder: (root: string) => root, sources: ROOT_SOURCES},
  {name: 'with a trailing slash', folder: (root: string) => `${root}/`, sources: ROOT_SOURCES},
  {
    name: 'with `//` and `..`',
    folder: (root: string) => `${root}//later/..`,
    sources: ROOT_SOURCES,
  },
  {name: 'relative', folder: fromHere, sources: ROOT_SOURCES},
  {
    name: 'relative from `./`',
    folder: (root: string) => `./${fromHere(root)}/`,
    sources: ROOT_SOURCES,
  },
  {
    name: 'a subfolder',
    folder: (root: string) => join(fromHere(root), 'later'),
    sources: ['e.txt'],
  },
])(
  'collectSourceFiles: a folder written $name gives what path.join makes of it',
  async ({folder, sources}) => {
    const given = folder(await sourceTree())
    expect(await collectSourceFiles([given])).toEqual(sources.map((name) => join(given, name)))
  },
)

test('collectSourceFiles: a file is kept as given, and a path given twice is listed once', async () => {
  const root = await sourceTree()
  const given = join(root, 'notes.pdf')
  expect(await collectSourceFiles([given, root, given])).toEqual([
    given,
    ...ROOT_SOURCES.map((name) => join(root, name)),
  ])
})
