import {spawn} from 'node:child_process'
import {mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {isRecord} from '../dataset/guards'

/** The Studio's own packages, installed beside the package at the versions this project uses. */
const STUDIO_PACKAGES = ['sanity', 'react', 'react-dom', 'styled-components'] as const

/** What a step of the check ran, and how it ended. */
export interface CheckStep {
  name: string
  ok: boolean
  /** The step's output when it failed, its last lines. */
  output?: string
}

/** A fresh Studio's configuration: the three lines the README shows, and nothing else. */
const STUDIO_CONFIG = `import {defineConfig} from 'sanity'
import {structureTool} from 'sanity/structure'
import {newsroom, newsroomDocumentNode, newsroomStructure} from 'newsroom-for-sanity'

export default defineConfig({
  name: 'default',
  title: 'Package check',
  projectId: 'local',
  dataset: 'production',
  plugins: [
    structureTool({structure: newsroomStructure, defaultDocumentNode: newsroomDocumentNode}),
    newsroom({wireCopy: true}),
  ],
})
`
const CLI_CONFIG = `import {defineCliConfig} from 'sanity/cli'

export default defineCliConfig({api: {projectId: 'local', dataset: 'production'}})
`
/** A script of the installing project: converts and renders with the package, in plain Node. */
const SCRIPT = `import {convertArticle} from 'newsroom-for-sanity/import'
import {renderArticle} from 'newsroom-for-sanity/render'

const text = 'Storm closes ports\\n\\nThe storm closed every port.\\n\\nWhat happens next\\n\\nPorts reopen.\\n\\nBy Anna Smith, with AFP\\n'
const {documents, notes} = convertArticle(text, {name: 'storm.txt', now: new Date(0)})
const {article} = documents
const html = renderArticle({
  _id: article._id,
  title: article.title,
  slug: article.slug.current,
  standfirst: null,
  publishedAt: null,
  byline: {authors: [{name: 'Anna Smith', slug: 'anna-smith', role: null}], agencies: article.byline.agencies},
  sections: article.sections.map((section) => ({...section, anchor: section.anchor?.current ?? null, heading: section.heading ?? null})),
})
if (article._id !== 'article-storm' || notes.length !== 0 || !html.includes('What happens next')) {
  throw new Error('unexpected conversion: ' + JSON.stringify({article, notes}))
}
console.log('converted and rendered', article._id)
`
const TS_CONFIG = {
  compilerOptions: {
    target: 'es2022',
    lib: ['es2022', 'dom'],
    module: 'preserve',
    moduleResolution: 'bundler',
    jsx: 'react-jsx',
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  },
  files: ['sanity.config.ts', 'sanity.cli.ts'],
}

/**
 * Checks the package as another Studio gets it: `npm pack` (which builds it), a fresh Studio
 * that installs the tarball beside Sanity, its configuration type-checked against the package's
 * declarations, a plain Node script converting and rendering through `./import` and `./render`,
 * then `sanity schema validate` and `sanity build` in that Studio. No step needs a network but
 * the package registry's.
 *
 * @param root - the project's folder
 * @param log - receives a line as each step starts
 * @returns each step run, in order; the check stops at the first that fails, leaving the
 *   Studio's folder for a look, and otherwise removes what it made
 */
export async function checkPackage(
  root: string,
  log: (line: string) => void,
): Promise<CheckStep[]> {
  const studio = await mkdtemp(join(tmpdir(), 'newsroom-package-check-'))
  const tarballs = await mkdtemp(join(tmpdir(), 'newsroom-package-'))
  const versions = await installedVersions(root)
  const tsc = join(root, 'node_modules', '.bin', 'tsc')
  const steps: [string, () => Promise<RunResult>][] = [
    ['npm pack', () => run('npm', ['pack', '--pack-destination', tarballs, '--silent'], root)],
    [
      'install the tarball into a fresh Studio',
      async () => {
        const [tarball] = (await readdir(tarballs)).filter((name) => name.endsWith('.tgz'))
        await writeStudio(studio, versions)
        return run(
          'npm',
          [
            'install',
            '--no-audit',
            '--no-fund',
            '--prefer-offline',
            join(tarballs, tarball ?? 'missing.tgz'),
          ],
          studio,
        )
      },
    ],
    ['type-check the Studio configuration', () => run(tsc, ['-p', 'tsconfig.json'], studio)],
    ['convert and render in plain Node', () => run('node', ['convert.mjs'], studio)],
    [
      'sanity schema validate',
      () => run('npx', ['sanity', 'schema', 'validate', '--level', 'warning'], studio),
    ],
    ['sanity build', () => run('npx', ['sanity', 'build', '--yes', '--no-minify'], studio)],
  ]
  const done: CheckStep[] = []
  for (const [name, step] of steps) {
    log(`${name}…`)
    const result = await step()
    done.push(
      result.code === 0 ? {name, ok: true} : {name, ok: false, output: lastLines(result.output)},
    )
    if (result.code !== 0) {
      log(`left the Studio in ${studio} to look into`)
      return done
    }
  }
  await rm(studio, {recursive: true, force: true})
  await rm(tarballs, {recursive: true, force: true})
  return done
}

async function writeStudio(folder: string, versions: Record<string, string>): Promise<void> {
  const manifest = {
    name: 'newsroom-package-check',
    private: true,
    type: 'module',
    dependencies: versions,
  }
  await writeFile(join(folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  await writeFile(join(folder, 'sanity.config.ts'), STUDIO_CONFIG)
  await writeFile(join(folder, 'sanity.cli.ts'), CLI_CONFIG)
  await writeFile(join(folder, 'convert.mjs'), SCRIPT)
  await writeFile(join(folder, 'tsconfig.json'), `${JSON.stringify(TS_CONFIG, null, 2)}\n`)
}

/** The exact versions of the Studio's packages this project has installed. */
async function installedVersions(root: string): Promise<Record<string, string>> {
  const versions: Record<string, string> = {}
  for (const name of STUDIO_PACKAGES) {
    const manifest: unknown = JSON.parse(
      await readFile(join(root, 'node_modules', name, 'package.json'), 'utf8'),
    )
    if (!isRecord(manifest) || typeof manifest['version'] !== 'string') {
      throw new Error(`check package: node_modules/${name}/package.json has no version`)
    }
    versions[name] = manifest['version']
  }
  return versions
}

interface RunResult {
  code: number | null
  output: string
}

function run(command: string, args: string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd, env: {...process.env, DO_NOT_TRACK: '1'}})
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, output}))
  })
}

function lastLines(text: string): string {
  return text.trimEnd().split('\n').slice(-30).join('\n')
}
