import {spawn} from 'node:child_process'
import {readdir, readFile, rm} from 'node:fs/promises'
import {join} from 'node:path'

import {build} from 'esbuild'

/** The package's entry points: its export path, and the module it is built from. */
export const PACKAGE_ENTRIES = {
  index: 'plugins/newsroom/index.ts',
  import: 'importer/convert/index.ts',
  render: 'render/index.ts',
} as const

/** Where the built package goes, under the project. */
export const PACKAGE_OUT = 'lib'

/**
 * Builds the installable package into `lib/`: each entry bundled as browser-ready ES modules
 * (dependencies left to the installing project), sharing chunks, and its type declarations
 * under `lib/types/`. Nothing built may import a Node built-in: the Studio runs it in a browser.
 *
 * @param root - the project's folder
 * @throws an Error naming the file, when a built file imports a Node built-in or tsc fails
 */
export async function buildPackage(root: string): Promise<void> {
  const out = join(root, PACKAGE_OUT)
  await rm(out, {recursive: true, force: true})
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(
      Object.entries(PACKAGE_ENTRIES).map(([name, path]) => [name, join(root, path)]),
    ),
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    jsx: 'automatic',
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  })
  for (const file of await readdir(out, {recursive: true})) {
    if (!file.endsWith('.js')) continue
    const built = await readFile(join(out, file), 'utf8')
    const builtin = /\bfrom\s*["'](node:[\w/]+)["']/.exec(built)?.[1]
    if (builtin) throw new Error(`build package: ${PACKAGE_OUT}/${file} imports ${builtin}`)
  }
  await run('npx', ['tsc', '-p', 'tsconfig.package.json'], root)
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd, stdio: 'inherit'})
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    )
  })
}
