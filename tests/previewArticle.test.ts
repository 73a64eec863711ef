import {readFile} from 'node:fs/promises'

import {expect, test} from 'vitest'

import {convertArticle} from '../importer/convert'
import {referencedDocuments} from '../importer/documents/buildDocuments'
import {previewArticle, referencedIds} from '../plugins/newsroom/preview/previewArticle'
import {renderArticle} from '../render/renderArticle'

const SEED = new URL('../seeds/kursk-advance.txt', import.meta.url)
const {documents} = convertArticle(await readFile(SEED, 'utf8'), {
  name: 'kursk-advance.txt',
  now: new Date('2026-03-02T09:30:00.000Z'),
})
const {article, persons, newsletter} = documents
const referenced = referencedDocuments(documents)

test('referencedIds: the seed refers to its author and its newsletter', () => {
  expect(referencedIds(article)).toStrictEqual([persons[0]?._id, newsletter?._id].sort())
})

test('previewArticle: the seed as readers will see it, author and newsletter resolved', async () => {
  const draft = {...article, _id: `drafts.${article._id}`}
  const previewed = await previewArticle(draft, referenced)
  expect(previewed).toMatchObject({
    title: article.title,
    byline: {authors: [{name: 'Florent Vergnes'}], agencies: ['AFP']},
  })
  if (!previewed) throw new Error('the seed has nothing to preview')
  const html = renderArticle(previewed)
  for (const heading of ['Refugee Flows', 'Russian Pressure in the East']) {
    expect(html).toContain(`>${heading}</h2>`)
  }
  expect(html).toContain('Subscribe to our newsletter')
})

test('previewArticle: shows an unsaved edit, with no slug yet', async () => {
  const {slug: _slug, ...unslugged} = article
  const edited = {...unslugged, title: 'Kyiv presses on in Kursk'}
  expect(await previewArticle(edited, referenced)).toMatchObject({
    title: 'Kyiv presses on in Kursk',
  })
})

test.each([
  {n: 1, name: 'no headline', value: {...article, title: undefined}},
  {n: 2, name: 'no sections', value: {...article, sections: undefined}},
])('previewArticle: $n nothing to preview with $name', async ({value}) => {
  expect(await previewArticle(value, referenced)).toBeUndefined()
})
