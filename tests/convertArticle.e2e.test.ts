import {readFile} from 'node:fs/promises'

import {build} from 'esbuild'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, expect, test} from 'vitest'

import {convertArticle} from '../importer/convert'
import {importFixtures} from './fixtures/import'
import {launchChromium} from './support/browser'

const ROOT = new URL('..', import.meta.url).pathname
const NOW = '2026-03-02T09:30:00.000Z'
const SEED = {
  fileName: 'kursk-advance.txt',
  input: await readFile(`${ROOT}seeds/kursk-advance.txt`, 'utf8'),
}
const sources = [
  SEED,
  ...importFixtures.flatMap((fixture) =>
    'input' in fixture ? [{fileName: fixture.fileName, input: fixture.input}] : [],
  ),
]

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
}, 120_000)

afterAll(() => browser?.close())

/** What converting gives, or the message of what it throws, so both sides compare alike. */
function outcome(run: () => unknown): unknown {
  try {
    return {converted: run()}
  } catch (error) {
    return {error: error instanceof Error ? error.message : String(error)}
  }
}

test('convertArticle: in Chromium, gives the importer’s documents for every import fixture and the seed', async () => {
  // The converter as a browser gets it: bundled with its dependencies, no Node built-ins.
  const bundle = await build({
    entryPoints: [`${ROOT}importer/convert/index.ts`],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'newsroomImport',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  })
  const page = await browser.newPage()
  await page.addScriptTag({content: bundle.outputFiles[0]?.text ?? ''})
  expect(await page.evaluate(() => typeof globalThis.process)).toBe('undefined')
  const inBrowser = await page.evaluate(
    ({sources, now}) => {
      const {convertArticle} = Reflect.get(globalThis, 'newsroomImport')
      return sources.map((source) => {
        try {
          return {
            converted: convertArticle(source.input, {name: source.fileName, now: new Date(now)}),
          }
        } catch (error) {
          return {error: error instanceof Error ? error.message : String(error)}
        }
      })
    },
    {sources, now: NOW},
  )
  const inNode = sources.map((source) =>
    outcome(() => convertArticle(source.input, {name: source.fileName, now: new Date(NOW)})),
  )
  expect(inBrowser).toHaveLength(sources.length)
  expect(inBrowser).toStrictEqual(inNode)
  await page.close()
}, 120_000)
