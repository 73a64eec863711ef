import {type ChildProcess, spawn} from 'node:child_process'
import {copyFile, mkdir, mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {createServer} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {createInterface} from 'node:readline'

import type {SanityClient} from '@sanity/client'
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, expect, test} from 'vitest'

import {isRecord} from '../dataset/guards'
import {convertSource, importCommand} from '../importer'
import {IMPORTER_VERSION} from '../importer/convert'
import {type RunningLake, startLake} from '../lake'
import {localClient} from '../lake'
import {WIRE_COPY_TOOL} from '../plugins/newsroom/constants'
import {validateDocuments} from '../validation'
import {launchChromium} from './support/browser'

const ROOT = new URL('..', import.meta.url).pathname
const SCREENSHOTS = join(ROOT, 'test-results')
const ARTICLE = 'article-kursk-advance'
const UNCREDITED = 'article-storm'
const NOTED = 'article-ferries'

let sources: string
let data: string
let lake: RunningLake
let studio: ChildProcess
let studioUrl: string
let browser: Browser
let client: SanityClient

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (typeof address !== 'object' || address === null) throw new Error('no free port')
  return address.port
}

/**
 * An article with no credit line, which the import leaves for review, and a published one with
 * a note. The seed joins them once an editor has made it in the Studio.
 */
async function writeSources(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'newsroom-e2e-sources-'))
  await writeFile(
    join(folder, 'storm.txt'),
    'Storm closes ports\n\nThe storm closed every port on the coast on Tuesday.\n\nWhat happens next\n\nPorts reopen when the wind drops below gale force.\n',
  )
  // Published, with a note: its headline was derived from the lead.
  await writeFile(
    join(folder, 'ferries.txt'),
    'Ferries resumed on Wednesday after the storm. Crews cleared the harbour overnight.\n\nBy Anna Smith\n',
  )
  return folder
}

async function runImport(): Promise<string> {
  const lines: string[] = []
  await importCommand(
    ['--api-host', lake.url, sources],
    {
      stdout: (text) => lines.push(...text.split('\n')),
      stderr: (line) => lines.push(line),
      env: {},
      now: () => new Date(),
    },
    {validate: validateDocuments, importerVersion: '0.0.0-e2e'},
  )
  return lines.join('\n')
}

/** Starts `sanity dev` pointed at the lake and resolves with its URL. */
async function startStudio(port: number): Promise<{child: ChildProcess; url: string}> {
  const child = spawn('npx', ['sanity', 'dev', '--port', String(port)], {
    cwd: ROOT,
    env: {
      ...process.env,
      SANITY_STUDIO_API_HOST: lake.secureUrl,
      DO_NOT_TRACK: '1',
      BROWSER: 'none',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    // Its own process group, so stopping it stops the dev server npx started too.
    detached: true,
  })
  if (!child.stdout) throw new Error('sanity dev has no output stream')
  for await (const line of createInterface({input: child.stdout})) {
    const url = /running at (http:\/\/\S+?)\/?$/.exec(line)?.[1]
    if (url) return {child, url}
  }
  throw new Error('sanity dev exited before it was ready')
}

async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 30_000
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/**
 * Puts the caret after the last character of a paragraph in the Portable Text editor: a click
 * right of its last line, since End only reaches the end of a visual line.
 */
async function clickEndOf(page: Page, text: string): Promise<void> {
  // In the open editor, not the original text the Import group shows.
  const editor = page.getByRole('dialog').last().locator('[contenteditable="true"]')
  const paragraph = editor.getByText(text, {exact: false})
  await paragraph.scrollIntoViewIfNeeded()
  const box = await paragraph.boundingBox()
  if (!box) throw new Error(`paragraph "${text}" is not visible`)
  await page.mouse.click(box.x + box.width - 1, box.y + box.height - 4)
  await page.keyboard.press('End')
}

/** A page as large as an editor's screen, trusting the local lake's certificate. */
function newStudioPage(): Promise<Page> {
  return browser.newPage({ignoreHTTPSErrors: true, viewport: {width: 1600, height: 1400}})
}

beforeAll(async () => {
  data = join(await mkdtemp(join(tmpdir(), 'newsroom-e2e-')), 'production.ndjson')
  const studioPort = await freePort()
  lake = await startLake({
    data,
    port: await freePort(),
    origins: [`http://localhost:${studioPort}`, `http://127.0.0.1:${studioPort}`],
  })
  client = localClient(lake.url)
  sources = await writeSources()
  const report = await runImport()
  expect(report).toMatch(/^created .*ferries\.txt/m)
  expect(report).toMatch(/^review .*storm\.txt → drafts\.article-storm · Byline: Credit/m)
  ;({child: studio, url: studioUrl} = await startStudio(studioPort))
  browser = await launchChromium()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  if (studio?.pid) process.kill(-studio.pid, 'SIGTERM')
  await lake?.close()
})

/** The seed's paragraphs per section, as the importer makes them: the lead, then two headed. */
const SEED_SECTIONS = [
  {heading: null, paragraphs: 7},
  {heading: 'Refugee Flows', paragraphs: 4},
  {heading: 'Russian Pressure in the East', paragraphs: 5},
]

/** What no two imports of one text share: when, from where, and the review state. */
function importedContent(document: unknown): unknown {
  if (!isRecord(document)) return document
  const {_createdAt, _updatedAt, _rev, importNotes, source, ...content} = document
  const {importedAt, fileName, ...provenance} = isRecord(source) ? source : {}
  return {...content, source: provenance}
}

test('Studio: the seed pasted into New article from wire copy is the article npm run import makes', async () => {
  const page = await newStudioPage()
  await page.goto(`${studioUrl}/${WIRE_COPY_TOOL}`, {timeout: 120_000})
  const seed = await readFile(join(ROOT, 'seeds', 'kursk-advance.txt'), 'utf8')
  await page.getByTestId('wire-copy-text').fill(seed)
  await page.getByTestId('wire-copy-name').fill('kursk-advance.txt')
  const sections = page.getByTestId('wire-copy-section')
  await expect
    .poll(() => sections.allInnerTexts())
    .toEqual([
      'Lead: 7 paragraphs',
      'Refugee Flows: 4 paragraphs',
      'Russian Pressure in the East: 5 paragraphs',
    ])
  expect(await page.getByTestId('wire-copy-credit').innerText()).toBe('Florent Vergnes, with AFP')
  await mkdir(SCREENSHOTS, {recursive: true})
  await page.screenshot({path: join(SCREENSHOTS, 'wire-copy.png'), fullPage: true})

  await page.getByTestId('wire-copy-create').click()
  const draft = await waitFor(
    () => client.getDocument(`drafts.${ARTICLE}`),
    (document) => document !== undefined,
    'the draft to be created',
  )
  const content = (draft?.['sections'] ?? []).map(
    (section: {heading?: string; content: {_type: string}[]}) => ({
      heading: section.heading ?? null,
      paragraphs: section.content.filter((item) => item._type === 'block').length,
    }),
  )
  expect(content).toEqual(SEED_SECTIONS)
  expect(JSON.stringify(draft).match(/"_type":"newsletterBlock"/g)).toHaveLength(1)
  expect(
    await client.fetch(
      '*[_id == $id][0]{"authors": byline.authors[]->name, "agencies": byline.agencies}',
      {id: `drafts.${ARTICLE}`},
      {perspective: 'raw'},
    ),
  ).toEqual({authors: ['Florent Vergnes'], agencies: ['AFP']})

  await page.locator('input#title').waitFor({timeout: 120_000})
  await page.getByRole('button', {name: 'Publish'}).last().click()
  await waitFor(
    async () =>
      [await client.getDocument(ARTICLE), await client.getDocument(`drafts.${ARTICLE}`)] as const,
    ([published, left]) => published !== undefined && !left,
    'the article to be published',
  )

  // npm run import of the same file recognises the article, unchanged, and makes the same one.
  await copyFile(join(ROOT, 'seeds', 'kursk-advance.txt'), join(sources, 'kursk-advance.txt'))
  expect(await runImport()).toMatch(/^unchanged\s.*kursk-advance\.txt/m)
  const imported = convertSource(new TextEncoder().encode(seed), {
    fileName: join(sources, 'kursk-advance.txt'),
    importedAt: new Date().toISOString(),
    importerVersion: IMPORTER_VERSION,
  }).documents.article
  const published = await client.fetch('*[_id == $id][0]', {id: ARTICLE})
  expect(importedContent(published)).toEqual(importedContent(imported))
  await page.close()
}, 240_000)

test('Studio: .txt and .md files dropped on New article from wire copy become drafts; other files are named and refused', async () => {
  const page = await newStudioPage()
  await page.goto(`${studioUrl}/${WIRE_COPY_TOOL}`, {timeout: 120_000})
  const drop = page.getByTestId('wire-copy-drop')
  await drop.waitFor({timeout: 120_000})
  const files = [
    {
      name: 'harbour.txt',
      text: 'Harbour reopens\n\nThe harbour reopened on Thursday.\n\nBy Anna Smith\n',
    },
    {
      name: 'tides.md',
      text: '# Tides turn\n\nThe tide turned at noon.\n\n## Next\n\nMore on Friday.\n',
    },
    {name: 'photo.png', text: 'not an article'},
  ]
  await drop.evaluate((target, dropped) => {
    const data = new DataTransfer()
    for (const file of dropped) data.items.add(new File([file.text], file.name))
    target.dispatchEvent(
      new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}),
    )
  }, files)
  const articles = page.getByTestId('wire-copy-article')
  await expect.poll(() => articles.count()).toBe(2)
  expect(await page.locator('body').innerText()).toContain(
    'photo.png: only .txt, .md and .markdown files are read',
  )
  expect(await page.getByTestId('wire-copy-section').allInnerTexts()).toEqual([
    'Lead: 1 paragraph',
    'Lead: 1 paragraph',
    'Next: 1 paragraph',
  ])
  await page.getByTestId('wire-copy-create').click()
  const drafts = await waitFor(
    () => client.getDocuments(['drafts.article-harbour', 'drafts.article-tides']),
    (found) => found.every((document) => document !== null),
    'both drafts to be created',
  )
  expect(drafts.map((draft) => draft?.['title'])).toEqual(['Harbour reopens', 'Tides turn'])
  await expect.poll(() => page.getByText('Draft created').count()).toBe(2)
  await page.close()
}, 240_000)

test('Studio: three paragraphs pasted into a section are three blocks; the preview and the badge follow', async () => {
  const page = await newStudioPage()
  await page.goto(`${studioUrl}/intent/edit/id=${ARTICLE};type=article/`, {timeout: 120_000})
  await page.locator('input#title').waitFor({timeout: 120_000})
  await expect
    .poll(() => page.getByText('Imported', {exact: true}).count(), {timeout: 30_000})
    .toBeGreaterThan(0)

  await page.getByRole('tab', {name: 'All fields'}).click()
  await page.getByText('Refugee Flows', {exact: true}).first().click()
  // A new empty paragraph after the one clicked, then the paste.
  await clickEndOf(page, 'In the town of the same name')
  await page.keyboard.press('Enter')
  await page.evaluate((text) => {
    const data = new DataTransfer()
    data.setData('text/plain', text)
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}),
    )
  }, 'Pasted one.\n\nPasted two.\n\nPasted three.')
  // Each block of the section, by its first span's text.
  const blockTexts = async (): Promise<string[]> => {
    const texts: unknown = await client.fetch(
      '*[_id == $id][0].sections[heading == "Refugee Flows"][0].content[].children[0].text',
      {id: `drafts.${ARTICLE}`},
      {perspective: 'raw'},
    )
    return Array.isArray(texts) ? texts.filter((text) => typeof text === 'string') : []
  }
  const texts = await waitFor(
    blockTexts,
    (found) => found.includes('Pasted three.'),
    'the pasted paragraphs to be saved',
  )
  const pasted = texts.filter((text) => text.startsWith('Pasted'))
  expect(pasted).toEqual(['Pasted one.', 'Pasted two.', 'Pasted three.'])
  await page.keyboard.press('Escape')

  await expect
    .poll(() => page.getByText('Edited since import', {exact: true}).count(), {timeout: 30_000})
    .toBeGreaterThan(0)
  await page.screenshot({path: join(SCREENSHOTS, 'studio-badge.png')})

  await page.getByRole('tab', {name: 'Preview'}).click()
  const preview = page.frameLocator('iframe[title="Article preview"]')
  await expect
    .poll(() => preview.locator('body').innerText(), {timeout: 30_000})
    .toContain('Pasted two.')
  const text = await preview.locator('body').innerText()
  for (const heading of ['Refugee Flows', 'Russian Pressure in the East'])
    expect(text).toContain(heading)
  await page.screenshot({path: join(SCREENSHOTS, 'studio-preview.png')})
  await page.close()
}, 240_000)

test('Studio: edit and publish an imported article on the local lake, and a re-import keeps it', async () => {
  const page = await newStudioPage()
  await page.goto(`${studioUrl}/intent/edit/id=${ARTICLE};type=article/`, {timeout: 120_000})

  const title = page.locator('input#title')
  await title.waitFor({timeout: 120_000})
  expect(await title.inputValue()).toMatch(/^Ukraine claimed on Friday/)
  await page.getByRole('tab', {name: 'All fields'}).click()
  const form = page.locator('[data-testid="document-panel-scroller"]')
  await expect.poll(() => form.innerText(), {timeout: 10_000}).toContain('Florent Vergnes')
  const formText = await form.innerText()
  expect(formText).toContain('AFP')
  for (const heading of ['Lead', 'Refugee Flows', 'Russian Pressure in the East']) {
    expect(formText).toContain(heading)
  }

  await mkdir(SCREENSHOTS, {recursive: true})
  await page.screenshot({path: join(SCREENSHOTS, 'studio-article.png'), fullPage: true})

  await title.click()
  await title.press('End')
  await title.pressSequentially(' (edited)')

  await page.getByText('Russian Pressure in the East', {exact: true}).first().click()
  const dialog = page.getByRole('dialog').last()
  // The signup block shows what readers will see: heading, button and messages.
  const signup = dialog.getByTestId('newsletter-block-preview')
  await expect.poll(() => signup.innerText()).toContain('Subscribe to our newsletter')
  const signupText = await signup.innerText()
  for (const copy of [
    'Button: “Newsletter signup” · Newsletter: Subscribe to our newsletter',
    'While sending: “Please wait...” · After signing up: “Thank you for sign up!”',
  ]) {
    expect(signupText).toContain(copy)
  }
  await signup.scrollIntoViewIfNeeded()
  await page.screenshot({path: join(SCREENSHOTS, 'studio-newsletter-block.png')})
  await clickEndOf(page, 'On the Ukrainian side, the flow of evacuees')
  await page.keyboard.type(' Edited in the Studio.')
  await page.screenshot({path: join(SCREENSHOTS, 'studio-section-editor.png')})

  await waitFor(
    () => client.getDocument(`drafts.${ARTICLE}`),
    (draft) =>
      String(draft?.['title']).endsWith('(edited)') &&
      JSON.stringify(draft).includes('Edited in the Studio.'),
    'the draft to be saved',
  )
  await page.keyboard.press('Escape')
  await page.getByRole('button', {name: 'Publish'}).last().click()
  await waitFor(
    async () =>
      [await client.getDocument(ARTICLE), await client.getDocument(`drafts.${ARTICLE}`)] as const,
    ([published, draft]) => String(published?.['title']).endsWith('(edited)') && !draft,
    'the article to be published',
  )

  const edited = await client.fetch(
    '*[_id == $id][0]{title, importNotes, "text": pt::text(sections[-1].content)}',
    {id: ARTICLE},
  )
  expect(edited.title).toMatch(/\(edited\)$/)
  // Publishing is the editor's review: the import notes are cleared.
  expect(edited.importNotes).toBeNull()
  expect(edited.text).toContain('the Russian region of Kursk. Edited in the Studio.')

  const report = await runImport()
  expect(report).toMatch(/^kept {6}.*kursk-advance\.txt/m)
  expect((await client.getDocument(ARTICLE))?.['title']).toBe(edited.title)
  await page.close()
}, 180_000)

test('Studio: an uncredited import waits in Needs review; credited and published, it leaves the list and a re-import keeps it', async () => {
  const page = await newStudioPage()
  await page.goto(`${studioUrl}/structure/needs-review`, {timeout: 120_000})
  await expect
    .poll(() => page.locator('body').innerText(), {timeout: 120_000})
    .toContain('Storm closes ports')
  await page.getByText('Storm closes ports').first().click()
  const title = page.locator('input#title')
  await title.waitFor({timeout: 60_000})
  const form = page.locator('[data-testid="document-panel-scroller"]')
  await expect
    .poll(() => form.innerText(), {timeout: 10_000})
    .toContain('no credit found: add an author or an agency')
  await page.getByRole('tab', {name: 'All fields'}).click()
  await expect
    .poll(() => form.innerText(), {timeout: 10_000})
    .toContain('Credit at least one author or one agency.')
  await mkdir(SCREENSHOTS, {recursive: true})
  await page.screenshot({path: join(SCREENSHOTS, 'studio-review.png'), fullPage: true})

  // The editor credits the article to an author the seed's import created.
  const authors = page.locator('[data-testid="field-byline.authors"]')
  await authors.getByRole('button', {name: 'Add item'}).click()
  const search = page.getByRole('combobox').last()
  await search.fill('Florent')
  await page.getByRole('listbox').getByText('Florent Vergnes', {exact: true}).click()
  await waitFor(
    () => client.getDocument(`drafts.${UNCREDITED}`),
    (draft) => JSON.stringify(draft?.['byline']).includes('person-florent-vergnes'),
    'the credit to be saved',
  )
  await page.getByRole('button', {name: 'Publish'}).last().click()
  await waitFor(
    async () =>
      [
        await client.getDocument(UNCREDITED),
        await client.getDocument(`drafts.${UNCREDITED}`),
      ] as const,
    ([published, draft]) => published !== undefined && !draft,
    'the article to be published',
  )
  const published = await client.getDocument(UNCREDITED)
  expect(published?.['importNotes']).toBeUndefined()
  expect(JSON.stringify(published?.['byline'])).toContain('person-florent-vergnes')

  // Off the list, which still holds an article whose notes nobody has reviewed yet.
  await page.goto(`${studioUrl}/structure/needs-review`)
  const listed = () => page.locator('body').innerText()
  await expect.poll(listed, {timeout: 60_000}).toContain('Ferries resumed on Wednesday')
  expect(await listed()).not.toContain('Storm closes ports')
  await page.screenshot({path: join(SCREENSHOTS, 'studio-needs-review.png')})

  expect(await runImport()).toMatch(/^kept {6}.*storm\.txt → article-storm/m)
  await page.close()
}, 240_000)

test('Studio: an editor marks a published article’s import notes reviewed', async () => {
  expect((await client.getDocument(NOTED))?.['importNotes']).toEqual([
    expect.stringMatching(/^headline derived from the lead/),
  ])
  const page = await newStudioPage()
  await page.goto(`${studioUrl}/intent/edit/id=${NOTED};type=article/`, {timeout: 120_000})
  await page.getByTestId('import-notes').waitFor({timeout: 120_000})
  // The action menu beside Publish holds the article's other actions.
  await page.getByTestId('action-menu-button').click()
  await page.getByRole('menuitem', {name: 'Mark reviewed'}).click()
  await waitFor(
    () => client.getDocument(NOTED),
    (article) => article !== undefined && !('importNotes' in article),
    'the notes to be cleared',
  )
  expect(await client.getDocument(`drafts.${NOTED}`)).toBeUndefined()
  await page.close()
}, 180_000)

test('Studio: the dataset file holds the published edit after the lake writes its snapshot', async () => {
  await lake.close()
  expect(await readFile(data, 'utf8')).toContain('Edited in the Studio.')
  lake = await startLake({data, port: 0})
})
