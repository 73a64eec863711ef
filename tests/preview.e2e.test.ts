import {mkdir, mkdtemp, readdir} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'

import {expect, test} from 'vitest'

import {importCommand} from '../importer'
import {previewCommand} from '../render/cli/previewCommand'
import {validateDocuments} from '../validation'
import {launchChromium} from './support/browser'

const ROOT = new URL('..', import.meta.url).pathname
const quiet = {stdout: () => undefined, stderr: () => undefined, env: {}}

test('preview: the seed renders in Chromium with its headings, byline and a working signup form', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'newsroom-preview-'))
  const data = join(folder, 'production.ndjson')
  const out = join(folder, 'preview')
  const imported = await importCommand(
    ['--data', data, join(ROOT, 'seeds')],
    {...quiet, now: () => new Date()},
    {validate: validateDocuments, importerVersion: 'e2e'},
  )
  expect(imported).toBe(0)
  expect(await previewCommand(['--data', data, '--out', out], quiet)).toBe(0)
  const [page] = await readdir(out)
  expect(page).toBe(
    'ukraine-claimed-on-friday-to-be-continuing-its-unprecedented-advance-into-russia-s-kursk-region.html',
  )

  const browser = await launchChromium()
  try {
    const tab = await browser.newPage({viewport: {width: 1000, height: 1400}})
    await tab.goto(pathToFileURL(join(out, page ?? '')).href)
    for (const heading of ['Refugee Flows', 'Russian Pressure in the East']) {
      expect(await tab.getByRole('heading', {level: 2, name: heading}).isVisible()).toBe(true)
    }
    expect(await tab.getByText('By Florent Vergnes, with AFP').isVisible()).toBe(true)
    const form = tab.getByRole('form', {name: 'Subscribe to our newsletter'})
    await form.scrollIntoViewIfNeeded()
    expect(await form.isVisible()).toBe(true)
    await tab.getByLabel('Email address').fill('reader@example.com')
    await tab.getByRole('button', {name: 'Newsletter signup'}).click()
    await tab.getByText('Thank you for sign up!').waitFor({state: 'visible', timeout: 5000})
    await mkdir(join(ROOT, 'test-results'), {recursive: true})
    await tab.screenshot({path: join(ROOT, 'test-results', 'preview-seed.png'), fullPage: true})
  } finally {
    await browser.close()
  }
}, 120_000)
