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
import {articleSlugs} from '../queries/queries'
import {articlePlainText} from '../render'
import type {
  ArticleBySlugResult,
  ArticleOutlineResult,
  ArticlesByAuthorResult,
  ArticleSlugsResult,
  LatestArticlesResult,
  SearchArticlesResult,
} from '../schemas/sanity.types'
import {florent, newsletter} from './fixtures/contentModel'
import {
  bareNewsletter,
  correspondent,
  dailySignup,
  fullArticle,
  harbourReports,
  signupArticle,
  signupCopyFixtures,
} from './fixtures/frontEndQueries'
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

async function run<T>(
  query: string,
  params: Record<string, unknown>,
  documents: object[] = dataset,
): Promise<T> {
  const value = await evaluate(parse(query, {params}), {dataset: documents, params})
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

  test('articleSlugs: every article’s slug, and no other document’s', async () => {
    expect(await run<ArticleSlugsResult>(articleSlugs, {})).toEqual([
      'morning-brief-1',
      'morning-brief-2',
      'morning-brief-3',
      'morning-brief-4',
      'morning-brief-5',
      SEED_SLUG,
    ])
  })
})

describe('front-end queries over written documents (groq-js)', () => {
  const people = [florent, correspondent, newsletter, bareNewsletter]

  test('articleBySlug: title, standfirst, date, resolved byline and every section', async () => {
    const article = fullArticle()
    const [lead, refugees, east] = article.sections
    const result = await run<ArticleBySlugResult>(articleBySlug, {slug: 'article-full'}, [
      ...people,
      article,
    ])
    expect(result).toEqual({
      _id: 'article-full',
      title: 'Ukraine presses its advance into Russia’s Kursk region',
      slug: 'article-full',
      standfirst: 'Kyiv says it wants to force Moscow into “fair” negotiations.',
      publishedAt: '2024-08-16T18:00:00Z',
      byline: {
        authors: [
          {name: 'Olena Petrenko', slug: 'olena-petrenko', role: 'Correspondent in Kyiv'},
          {name: 'Florent Vergnes', slug: 'florent-vergnes', role: null},
        ],
        agencies: ['AFP', 'Reuters'],
      },
      sections: [
        {_key: 'lead', heading: null, anchor: null, content: lead?.content},
        {
          _key: 'refugees',
          heading: 'Refugee Flows',
          anchor: 'refugee-flows',
          content: refugees?.content,
        },
        {
          _key: 'east',
          heading: 'Russian Pressure in the East',
          anchor: 'russian-pressure-in-the-east',
          content: [east?.content[0], dailySignup],
        },
      ],
    })
  })

  test.each(signupCopyFixtures)(
    'articleBySlug: signup copy $n, $name',
    async ({newsletter: name, input, output}) => {
      const chosen = name === 'daily' ? newsletter : bareNewsletter
      const result = await run<ArticleBySlugResult>(articleBySlug, {slug: 'article-signup'}, [
        ...people,
        signupArticle(input, chosen._id),
      ])
      expect(result?.sections.at(-1)?.content.at(-1)).toEqual({
        _type: 'newsletterBlock',
        _key: 'signup',
        newsletter: {_id: chosen._id, title: chosen.title, slug: chosen.slug?.current},
        ...output,
      })
    },
  )

  test('latestArticles: the excerpt is the standfirst when there is one', async () => {
    const [article] = await run<LatestArticlesResult>(latestArticles, pageParams(0, 1), [
      ...people,
      fullArticle(),
    ])
    expect(article?.excerpt).toBe('Kyiv says it wants to force Moscow into “fair” negotiations.')
  })

  test('latestArticles: an undated article sorts by its import date among dated ones', async () => {
    const page = await run<LatestArticlesResult>(
      latestArticles,
      pageParams(22, 3),
      harbourReports(),
    )
    expect(page.map((a) => a.slug)).toEqual(['harbour-31', 'harbour-undated', 'harbour-30'])
  })

  test('searchArticles: of 53 matches, the 50 newest, newest first', async () => {
    const found = await run<SearchArticlesResult>(searchArticles, {term: 'harbour'}, [
      ...people,
      ...harbourReports(),
    ])
    const reports = (from: number, to: number) =>
      Array.from({length: from - to + 1}, (_, index) => `harbour-${from - index}`)
    expect(found).toHaveLength(50)
    expect(found.map((a) => a.slug)).toEqual([
      ...reports(52, 31),
      'harbour-undated',
      ...reports(30, 4),
    ])
  })
})
