import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, rename, rm, writeFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'

import bundledChromium from '@sparticuz/chromium'
import {type Browser, chromium} from 'playwright-core'

/**
 * No sandbox as root, and no background traffic to hosts the closed network refuses.
 * Certificate errors are ignored for the local lake's self-signed certificate.
 */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--ignore-certificate-errors',
]

/**
 * Chromium, headless, with the flags this machine needs. By default it is the Chromium of the
 * `@sparticuz/chromium` dev dependency (Linux x64), unpacked on first use into
 * `node_modules/.cache/sparticuz-chromium-<version>/` and run with the libraries and fonts that
 * come with it, so no system browser is needed. To drive an installed Chromium instead, set
 * `CHROMIUM_PATH` to its executable, e.g. `CHROMIUM_PATH=/usr/bin/chromium npx vitest run`.
 *
 * @returns the browser; close it when done
 */
export async function launchChromium(): Promise<Browser> {
  const installed = process.env['CHROMIUM_PATH']
  if (installed) return chromium.launch({executablePath: installed, args: FLAGS})
  const unpacked = await unpackChromium()
  const libraries = [unpacked.libraries, process.env['LD_LIBRARY_PATH']].filter(Boolean).join(':')
  return chromium.launch({
    executablePath: unpacked.executable,
    args: FLAGS,
    env: {...process.env, LD_LIBRARY_PATH: libraries, FONTCONFIG_FILE: unpacked.fontconfig},
  })
}

/** Where the parts of an unpacked `@sparticuz/chromium` are. */
interface UnpackedChromium {
  executable: string
  /** NSS and expat, which a machine without a browser may lack. */
  libraries: string
  /** The system's fonts (if any) and the bundled Open Sans, with the font cache kept beside. */
  fontconfig: string
}

/**
 * Unpacks the `@sparticuz/chromium` archives once per version. Workers may race: each unpacks
 * into its own folder and renames it into place, and a loser uses the winner's.
 */
async function unpackChromium(): Promise<UnpackedChromium> {
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new Error(
      `launchChromium(): @sparticuz/chromium is built for linux-x64, not ${process.platform}-${process.arch}; set CHROMIUM_PATH to a Chromium executable`,
    )
  const packageRoot = join(
    dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')),
    '..',
    '..',
  )
  const version = versionOf(await readFile(join(packageRoot, 'package.json'), 'utf8'))
  const folder = join(packageRoot, '..', '..', '.cache', `sparticuz-chromium-${version}`)
  const unpacked = {
    executable: join(folder, 'chromium'),
    libraries: join(folder, 'al2023', 'lib'),
    fontconfig: join(folder, 'fonts.conf'),
  }
  if (existsSync(unpacked.executable)) return unpacked

  await mkdir(dirname(folder), {recursive: true})
  const partial = await mkdtemp(`${folder}.partial-`)
  try {
    const executable = await inflateInto(partial)
    if (executable !== join(partial, 'chromium') || !existsSync(join(partial, 'al2023', 'lib')))
      throw new Error(
        `launchChromium(): @sparticuz/chromium ${version} unpacked to ${executable}, not into ${partial}`,
      )
    await writeFile(join(partial, 'fonts.conf'), fontconfig(folder))
    await rename(partial, folder).catch((error: unknown) => {
      if (!existsSync(unpacked.executable)) throw error
    })
  } finally {
    await rm(partial, {recursive: true, force: true})
  }
  return unpacked
}

/**
 * `executablePath()` always unpacks into `os.tmpdir()`, and adds the Amazon Linux libraries only
 * where it detects Lambda; it reads both from the environment before its first `await`. So the
 * environment says so for that synchronous moment only, and nothing lands in the temp folder.
 */
function inflateInto(folder: string): Promise<string> {
  const saved = {
    TMPDIR: process.env['TMPDIR'],
    AWS_LAMBDA_JS_RUNTIME: process.env['AWS_LAMBDA_JS_RUNTIME'],
  }
  process.env['TMPDIR'] = folder
  process.env['AWS_LAMBDA_JS_RUNTIME'] = 'nodejs20.x'
  try {
    return bundledChromium.executablePath()
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}

/** The bundled fonts.conf points at /tmp; this one at the unpacked fonts, after the system's. */
function fontconfig(folder: string): string {
  const escape = (path: string) =>
    path.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${escape(join(folder, 'fonts'))}</dir>
  <cachedir>${escape(join(folder, 'fontconfig-cache'))}</cachedir>
</fontconfig>
`
}

function versionOf(packageJson: string): string {
  const parsed: unknown = JSON.parse(packageJson)
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    !('version' in parsed) ||
    typeof parsed.version !== 'string'
  )
    throw new Error('launchChromium(): @sparticuz/chromium/package.json has no version')
  return parsed.version
}
