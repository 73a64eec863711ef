import {readFileSync} from 'node:fs'

import {evaluate, parse} from 'groq-js'
import {describe, expect, test} from 'vitest'

import {
  articleBySlug,
  articleOutline,
  articlesByAuthor,
  latestArticles,
  pageParams,
  searchArticles,
} from '../queries'
import {articlePlainText} from '../render'
import type {
  ArticleBySlugResult,
  ArticleOutlineResult,
  ArticlesByAuthorResult,
  LatestArticlesResult,
  SearchArticlesResult,
} from '../sanity.types'
import {importSources} from './support/importSources'

const SEED = readFileSync(new URL('../seeds/kursk-advance.txt', import.meta.url))
const SEED_SLUG =
  'ukraine-claimed-on-friday-to-be-continuing-its-unprecedented-advance-into-russia-s-kursk-region'

const text = (lines: string[]) => new TextEncoder().encode(lines.join('\n'))

/** Five dated articles by two authors, plus the undated seed. */
const dataset = importSources([
  {fileName: 'kursk-advance.txt', bytes: SEED},
  ...[1, 2, 3, 4, 5].map((day) => ({
    fileName: `brief-${day}.txt`,
    bytes: text([
      '---',
      `title: Morning brief ${day}`,
      `publishedAt: 2024-08-0${day}T06:00:00Z`,
      '---',
      `Markets opened calmly on day ${day} as traders weighed the news.`,
      '',
      day % 2 === 0 ? 'By Anna Smith' : 'By Ben Jones, with Reuters',
    ]),
  })),
])

async function run<T>(query: string, params: Record<string, unknown>): Promise<T> {
  const value = await evaluate(parse(query, {params}), {dataset, params})
  return value.get()
}

describe('front-end queries over imported articles (groq-js)', () => {
  test('articleBySlug: the seed with its sections, byline and newsletter copy', async () => {
    const article = await run<ArticleBySlugResult>(articleBySlug, {slug: SEED_SLUG})
    expect(article?.sections.map((section) => section.heading)).toEqual([
      null,
      'Refugee Flows',
      'Russian Pressure in the East',
    ])
    const blocks = article?.sections.flatMap((s) => s.content.filter((b) => b._type === 'block'))
    expect(blocks).toHaveLength(16)
    expect(article?.byline).toEqual({
      authors: [{name: 'Florent Vergnes', slug: 'florent-vergnes', role: null}],
      agencies: ['AFP'],
    })
    const signup = article?.sections.at(-1)?.content.at(-1)
    expect(signup).toMatchObject({
      _type: 'newsletterBlock',
      newsletter: {title: 'Subscribe to our newsletter'},
      heading: 'Subscribe to our newsletter',
      ctaLabel: 'Newsletter signup',
      pendingMessage: 'Please wait...',
      successMessage: 'Thank you for sign up!',
    })
    expect(article && articlePlainText(article)).toContain('town of Sudzha, located 10 kilometers')
  })

  test('articleBySlug: an unknown slug gives null', async () => {
    expect(await run(articleBySlug, {slug: 'no-such-article'})).toBeNull()
  })

  test('latestArticles: newest first, paged by $offset and $end', async () => {
    const page = (offset: number, limit: number) =>
      run<LatestArticlesResult>(latestArticles, pageParams(offset, limit))
    const first = await page(0, 2)
    const second = await page(2, 2)
    expect(first.map((a) => a.title)).toEqual(['Morning brief 5', 'Morning brief 4'])
    expect(second.map((a) => a.title)).toEqual(['Morning brief 3', 'Morning brief 2'])
    const all = await page(0, 10)
    expect(all).toHaveLength(6)
    // The undated seed sorts by its import time, which is older than every dated brief.
    expect(all.at(-1)?.slug).toBe(SEED_SLUG)
    expect(all[0]).toMatchObject({
      authors: ['Ben Jones'],
      agencies: ['Reuters'],
      excerpt: 'Markets opened calmly on day 5 as traders weighed the news.',
      readingMinutes: 1,
    })
    expect(all.at(-1)?.excerpt).toMatch(/^Ukraine claimed on Friday/)
    expect(all.at(-1)?.readingMinutes).toBe(2)
  })

  test('articlesByAuthor: only the author’s articles, newest first', async () => {
    const articles = await run<ArticlesByAuthorResult>(articlesByAuthor, {authorSlug: 'anna-smith'})
    expect(articles.map((a) => a.title)).toEqual(['Morning brief 4', 'Morning brief 2'])
    expect(articles[0]?.author).toEqual({name: 'Anna Smith', slug: 'anna-smith', role: null})
    expect(await run(articlesByAuthor, {authorSlug: 'nobody'})).toEqual([])
  })

  test('searchArticles: finds the seed by a word in its body, not by a word absent from it', async () => {
    const found = await run<SearchArticlesResult>(searchArticles, {term: 'Sudzha'})
    expect(found.map((a) => a.slug)).toEqual([SEED_SLUG])
    expect(await run(searchArticles, {term: 'Zanzibar'})).toEqual([])
    const byTitle = await run<SearchArticlesResult>(searchArticles, {term: 'brief'})
    expect(byTitle).toHaveLength(5)
  })

  test('articleOutline: the headed sections and their anchors', async () => {
    expect(await run<ArticleOutlineResult>(articleOutline, {slug: SEED_SLUG})).toEqual({
      title: expect.stringMatching(/^Ukraine claimed/),
      sections: [
        {heading: 'Refugee Flows', anchor: 'refugee-flows'},
        {heading: 'Russian Pressure in the East', anchor: 'russian-pressure-in-the-east'},
      ],
    })
  })
})
