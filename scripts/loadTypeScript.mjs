// @ts-check
// Loads one of the project's TypeScript entry points as a bundle of the project's own modules
// built with esbuild: Node then loads a handful of modules instead of compiling a hundred-odd one
// at a time through tsx, and no loader runs beside the code. `scripts/run.mjs` starts the npm
// scripts' entry points this way, and the worker threads they start load theirs the same way
// (a worker does not inherit how its parent loads TypeScript): the conversion worker converts
// about a tenth faster bundled than compiled by tsx's loader. The packages the code imports are
// bundled with it too: loaded as Node loads them, rxjs (under @sanity/client) and lodash-es (under
// @sanity/schema) alone are some 700 files, and the importer took 0.7-0.9 s to answer `--help`
// against 0.3-0.4 s bundled. The few listed in KEPT_OUTSIDE stay outside.
//
// Bundles are kept in node_modules/.cache/newsroom-run/ and rebuilt (a fifth of a second) when
// the content of a file they were built from has changed, so an edited source runs as edited.
// Where that folder cannot be written, the entry runs through tsx instead.
import {createHash} from 'node:crypto'
import {existsSync, readFileSync} from 'node:fs'
import {mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {threadId} from 'node:worker_threads'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const CACHE = path.join(ROOT, 'node_modules/.cache/newsroom-run')
/** Files whose change makes every bundle stale besides its own sources: how bundles are made. */
const BUILD_INPUTS = ['scripts/loadTypeScript.mjs', 'node_modules/esbuild/package.json']
/**
 * Packages loaded as Node loads them rather than bundled: the Studio and React, which code outside
 * the bundle loads too and which must be one copy; tools that run files of their own; and
 * `@sanity/import`, which the benchmarks run as its users do.
 */
const KEPT_OUTSIDE = new Set([
  'sanity',
  '@sanity/cli',
  '@sanity/cli-core',
  '@sanity/ui',
  '@sanity/import',
  'react',
  'react-dom',
  'styled-components',
  'esbuild',
  'tsx',
  'vite',
  'vitest',
  'jsdom',
  'playwright-core',
  '@sparticuz/chromium',
])
/**
 * Bundled CommonJS packages `require` Node's own modules, which an ES module bundle has no
 * `require` for: each chunk gets one.
 */
const REQUIRE_BANNER =
  "import {createRequire as __newsroomCreateRequire} from 'node:module'; " +
  'const require = __newsroomCreateRequire(import.meta.url);'
/** A bundle another run may still be loading chunks from is kept this long after it is replaced. */
const KEEP_REPLACED_MS = 60 * 60 * 1000
/** The name each bundled module declares its source file's URL under. */
const SOURCE_URL = '__newsroomSourceUrl'
/** Names what this thread writes to the cache: threads of one process may build at once. */
const BUILDER = `${process.pid}-${threadId}`

/**
 * @typedef {object} Manifest
 * @property {string} build - the folder, in the cache, that holds the bundle
 * @property {string[]} inputs - the files the bundle was built from, by their paths from the
 *   project root
 * @property {string} digest - the SHA-256 of the project's path and those files' paths and
 *   contents, as built (see digestOf)
 */

/**
 * Imports a TypeScript entry point of this project, bundled, with source maps on so that errors
 * name the TypeScript file and line. Where the bundle cache cannot be written, tsx loads it.
 *
 * @param {string} entry - absolute path of a TypeScript file in the project
 * @returns {Promise<void>} once the entry has been evaluated
 * @throws Error naming the entry and each line that does not compile
 */
export async function importTypeScript(entry) {
  const module = await bundled(entry).catch(async (error) => {
    if (!isUnwritable(error)) throw error
    const {register} = await import('tsx/esm/api')
    register()
    return entry
  })
  process.setSourceMapsEnabled(true)
  await import(pathToFileURL(module).href)
}

/**
 * The bundle of `entry`, built unless one built from the same files is in the cache.
 *
 * @param {string} entry - absolute path of a TypeScript entry point
 * @returns {Promise<string>} the bundle's main module
 */
async function bundled(entry) {
  const name = path
    .relative(ROOT, entry)
    .replace(/\.[^.]+$/, '')
    .replaceAll(/[\\/]/g, '__')
  const manifestFile = path.join(CACHE, `${name}.json`)
  const manifest = await readManifest(manifestFile)
  const cached = manifest && path.join(CACHE, manifest.build, 'main.mjs')
  if (cached && existsSync(cached) && digestOf(manifest.inputs) === manifest.digest) return cached
  const build = `${name}@${Date.now().toString(36)}-${BUILDER}`
  const outdir = path.join(CACHE, build)
  await mkdir(outdir, {recursive: true})
  const {sources, read} = await bundle(entry, outdir).catch(async (error) => {
    await rm(outdir, {recursive: true, force: true})
    throw error
  })
  const inputs = [...new Set([...BUILD_INPUTS, ...sources.map(packageManifestOf)])]
  // The sources as esbuild was given them: a file edited during the build is seen as changed.
  const digest = digestOf(inputs, read)
  const written = `${manifestFile}.${BUILDER}`
  await writeFile(written, JSON.stringify({build, inputs, digest}))
  await rename(written, manifestFile)
  // The replaced bundle's time says when it was replaced, which is what its grace runs from.
  if (manifest) {
    const now = new Date()
    await utimes(path.join(CACHE, manifest.build), now, now).catch(() => undefined)
  }
  await removeReplaced(name, build)
  return path.join(outdir, 'main.mjs')
}

/**
 * Bundles `entry` and the project modules it imports into `outdir`, as ES modules split where
 * the code imports lazily, so what a run never needs is never loaded.
 *
 * @param {string} entry - absolute path of a TypeScript entry point
 * @param {string} outdir - an empty folder
 * @returns {Promise<{sources: string[], read: Map<string, Buffer>}>} the files bundled, by their
 *   paths from the project root, and the content of those the plugin read, by absolute path
 */
async function bundle(entry, outdir) {
  const {build, formatMessages} = await import('esbuild')
  /** @type {Map<string, Buffer>} */
  const read = new Map()
  try {
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: {main: entry},
      outdir,
      outExtension: {'.js': '.mjs'},
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // Every Node the project supports has `\p{…}` in regular expressions; esbuild would
      // otherwise rewrite each such literal as a `new RegExp(…)` built again at every call.
      supported: {'regexp-unicode-property-escapes': true},
      sourcemap: 'linked',
      banner: {js: REQUIRE_BANNER},
      metafile: true,
      logLevel: 'silent',
      plugins: [sourceUrls(read), keepOutside(KEPT_OUTSIDE)],
    })
    return {sources: Object.keys(result.metafile.inputs), read}
  } catch (error) {
    const errors = error instanceof Error && 'errors' in error ? error.errors : []
    const messages = Array.isArray(errors) ? await formatMessages(errors, {kind: 'error'}) : []
    throw new Error(`run: cannot build ${path.relative(ROOT, entry)}\n${messages.join('')}`, {
      cause: error,
    })
  }
}

/**
 * Gives every module the `import.meta.url` of its source file, not of the bundle, so the paths
 * it finds from there (a worker's entry, the project root) are the same bundled or not. Each
 * module declares its URL, on its first line so that source maps keep their lines, and
 * `import.meta.url` is defined as that name, which esbuild resolves in each module's own scope:
 * the code's uses are replaced, not the words in a comment or a string.
 *
 * @param {Map<string, Buffer>} read - where to keep each file's content as it was read
 * @returns {import('esbuild').Plugin} the plugin
 */
function sourceUrls(read) {
  return {
    name: 'source-urls',
    setup(build) {
      build.initialOptions.define = {
        ...build.initialOptions.define,
        'import.meta.url': SOURCE_URL,
      }
      build.onLoad({filter: /\.[cm]?tsx?$/}, async ({path: file}) => {
        const content = await readFile(file)
        read.set(file, content)
        return {
          contents: sourceUrlDeclaration(file) + content.toString('utf8'),
          loader: file.endsWith('x') ? 'tsx' : 'ts',
        }
      })
      // A bundled package that reads `import.meta.url` gets its own file's URL as well.
      build.onLoad({filter: /node_modules[\\/].*\.[cm]?js$/}, async ({path: file}) => {
        const content = await readFile(file, 'utf8')
        if (!content.includes('import.meta')) return undefined
        return {contents: sourceUrlDeclaration(file) + content, loader: 'js'}
      })
    },
  }
}

/**
 * @param {string} file - an absolute path
 * @returns {string} the statement that declares the file's URL, on one line
 */
function sourceUrlDeclaration(file) {
  return `const ${SOURCE_URL} = ${JSON.stringify(pathToFileURL(file).href)};`
}

/**
 * Leaves the packages named outside the bundle, and Node's own modules; every other package is
 * bundled.
 *
 * @param {ReadonlySet<string>} outside - names of packages Node loads
 * @returns {import('esbuild').Plugin} the plugin
 */
function keepOutside(outside) {
  return {
    name: 'keep-outside',
    setup(build) {
      // Bare specifiers only: relative and absolute paths are the bundle's own.
      build.onResolve({filter: /^[^./]/}, ({path: specifier}) => {
        const [first = '', second = ''] = specifier.split('/')
        const name = first.startsWith('@') ? `${first}/${second}` : first
        if (!outside.has(name)) return undefined
        return {path: specifier, external: true}
      })
    },
  }
}

/**
 * What stands for a bundled file in the digest: a package's file by its package's manifest,
 * whose version changes whenever its files do, so a start reads one file per package instead
 * of each of its files; the project's own files by themselves.
 *
 * @param {string} source - a bundled file's path from the project root
 * @returns {string} the path to digest
 */
function packageManifestOf(source) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(source.replaceAll('\\', '/'))
  return match ? `${match[1]}/package.json` : source
}

/**
 * @param {string} file - a manifest's path
 * @returns {Promise<Manifest | undefined>} the manifest, or undefined when there is none to trust
 */
async function readManifest(file) {
  try {
    const manifest = JSON.parse(await readFile(file, 'utf8'))
    const valid =
      typeof manifest?.build === 'string' &&
      typeof manifest.digest === 'string' &&
      Array.isArray(manifest.inputs) &&
      manifest.inputs.every((/** @type {unknown} */ file) => typeof file === 'string')
    return valid ? manifest : undefined
  } catch {
    return undefined
  }
}

/**
 * One digest of files' paths and contents, read synchronously: a hundred-odd small files take a
 * few milliseconds, less than the round trips of reading them asynchronously. The project's own
 * path counts too: a bundle names its sources' URLs (see sourceUrls), so one built before the
 * project moved, or in another checkout sharing its node_modules, would load workers from there.
 *
 * @param {string[]} files - paths from the project root
 * @param {Map<string, Buffer>} [known] - contents already read, by absolute path
 * @returns {string} the SHA-256, in hex
 */
function digestOf(files, known = new Map()) {
  const hash = createHash('sha256').update(`${ROOT}\0`)
  for (const file of files) {
    const absolute = path.join(ROOT, file)
    let content = known.get(absolute)
    try {
      content ??= readFileSync(absolute)
    } catch {
      content = Buffer.from('\0missing')
    }
    hash.update(`${file}\0${content.length}\0`).update(content)
  }
  return hash.digest('hex')
}

/**
 * Removes the earlier bundles of the same entry once they were replaced long enough ago that no
 * run still loads from them (a bundle's folder is touched when it is replaced).
 *
 * @param {string} name - the entry's name in the cache
 * @param {string} current - the bundle just built
 */
async function removeReplaced(name, current) {
  for (const dirent of await readdir(CACHE, {withFileTypes: true})) {
    if (!dirent.isDirectory() || dirent.name === current || !dirent.name.startsWith(`${name}@`)) {
      continue
    }
    const folder = path.join(CACHE, dirent.name)
    const stats = await stat(folder).catch(() => undefined)
    if (stats && Date.now() - stats.mtimeMs > KEEP_REPLACED_MS) {
      await rm(folder, {recursive: true, force: true})
    }
  }
}

/**
 * @param {unknown} error - what writing the cache threw
 * @returns {boolean} whether the cache cannot be written here at all
 */
function isUnwritable(error) {
  const code = error instanceof Error && 'code' in error ? error.code : undefined
  return ['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOSPC'].includes(String(code))
}
