import {describe, expect, test} from 'vitest'

import {withSlug} from '../importer/documents/buildDocuments'
import {ArticleClaims, type SlugOwners} from '../importer/run/ArticleClaims'
import type {ConvertedFile} from '../importer/run/decideFiles'
import {convertText} from './support/convertText'

const FLOODS = '# Floods close the ring road\n\nWater rose overnight.\n\nAFP'
const SLUG = 'floods-close-the-ring-road'

/** The floods story from `fileName` (`a.txt` is `article-a`), with `slug` when given. */
function file(fileName: string, slug?: string): ConvertedFile {
  const conversion = convertText(fileName, FLOODS)
  if (slug === undefined) return {fileName, conversion}
  return {fileName, conversion: {...conversion, documents: withSlug(conversion.documents, slug)}}
}

/** Stored articles holding slugs; each look-up's slugs are recorded. */
function storedOwners(owners: Record<string, string[]>): {
  slugOwners: SlugOwners
  lookups: string[][]
} {
  const lookups: string[][] = []
  const slugOwners: SlugOwners = async (slugs) => {
    lookups.push([...slugs])
    return new Map(slugs.flatMap((slug) => (owners[slug] ? [[slug, owners[slug]]] : [])))
  }
  return {slugOwners, lookups}
}

/** `<slug>-<from>` … `<slug>-<to>`. */
function suffixes(slug: string, from: number, to: number): string[] {
  return Array.from({length: to - from + 1}, (_, step) => `${slug}-${from + step}`)
}

function renamed(wanted: string, holder: string, slug: string): string {
  return `Slug: "${wanted}" is already the slug of ${holder}, so this article's slug is "${slug}"; check it before publishing.`
}

const LONG = 'a'.repeat(96)
const LONG_CUT_AT_HYPHEN = `${'x'.repeat(93)}-yz`

interface ClaimCase {
  name: string
  input: {files: ConvertedFile[]; owners: Record<string, string[]>}
  /** Each file's slug and review reasons, and the slugs looked up, per look-up. */
  output: {
    claimed: {fileName: string; slug: string | undefined; review?: string[]}[]
    lookups: string[][]
  }
}

describe('ArticleClaims', () => {
  test.each<ClaimCase>([
    {
      name: '1. a slug no one holds is kept',
      input: {files: [file('a.txt')], owners: {}},
      output: {claimed: [{fileName: 'a.txt', slug: SLUG}], lookups: [[SLUG]]},
    },
    {
      name: '2. a slug stored as the same article’s own is kept',
      input: {files: [file('a.txt')], owners: {[SLUG]: ['article-a']}},
      output: {claimed: [{fileName: 'a.txt', slug: SLUG}], lookups: [[SLUG]]},
    },
    {
      name: '3. a slug stored under another id: the next eight are looked up, -2 is free',
      input: {files: [file('a.txt')], owners: {[SLUG]: ['article-old']}},
      output: {
        claimed: [
          {
            fileName: 'a.txt',
            slug: `${SLUG}-2`,
            review: [renamed(SLUG, 'article-old', `${SLUG}-2`)],
          },
        ],
        lookups: [[SLUG], suffixes(SLUG, 2, 9)],
      },
    },
    {
      name: '4. stored under its own id and another: the other holds it',
      input: {files: [file('a.txt')], owners: {[SLUG]: ['article-a', 'article-old']}},
      output: {
        claimed: [
          {
            fileName: 'a.txt',
            slug: `${SLUG}-2`,
            review: [renamed(SLUG, 'article-old', `${SLUG}-2`)],
          },
        ],
        lookups: [[SLUG], suffixes(SLUG, 2, 9)],
      },
    },
    {
      name: '5. -2 stored too: -3, with no second look-up',
      input: {
        files: [file('a.txt')],
        owners: {[SLUG]: ['article-old'], [`${SLUG}-2`]: ['article-older']},
      },
      output: {
        claimed: [
          {
            fileName: 'a.txt',
            slug: `${SLUG}-3`,
            review: [renamed(SLUG, 'article-old', `${SLUG}-3`)],
          },
        ],
        lookups: [[SLUG], suffixes(SLUG, 2, 9)],
      },
    },
    {
      name: '6. -2 to -9 stored: the next eight are looked up, -10 is free',
      input: {
        files: [file('a.txt')],
        owners: Object.fromEntries(
          [SLUG, ...suffixes(SLUG, 2, 9)].map((slug) => [slug, ['article-old']]),
        ),
      },
      output: {
        claimed: [
          {
            fileName: 'a.txt',
            slug: `${SLUG}-10`,
            review: [renamed(SLUG, 'article-old', `${SLUG}-10`)],
          },
        ],
        lookups: [[SLUG], suffixes(SLUG, 2, 9), suffixes(SLUG, 10, 17)],
      },
    },
    {
      name: '7. two articles of the run want one slug: the later one gets -2',
      input: {files: [file('a.txt'), file('b.txt')], owners: {}},
      output: {
        claimed: [
          {fileName: 'a.txt', slug: SLUG},
          {fileName: 'b.txt', slug: `${SLUG}-2`, review: [renamed(SLUG, 'article-a', `${SLUG}-2`)]},
        ],
        lookups: [[SLUG], suffixes(SLUG, 2, 9)],
      },
    },
    {
      name: '8. a file that could not be converted stays in its place',
      input: {files: [{fileName: 'bad.txt', error: 'bad.txt: empty'}, file('a.txt')], owners: {}},
      output: {
        claimed: [
          {fileName: 'bad.txt', slug: undefined},
          {fileName: 'a.txt', slug: SLUG},
        ],
        lookups: [[SLUG]],
      },
    },
    {
      name: '9. a batch with nothing converted looks nothing up',
      input: {files: [{fileName: 'bad.txt', error: 'bad.txt: empty'}], owners: {}},
      output: {claimed: [{fileName: 'bad.txt', slug: undefined}], lookups: []},
    },
    {
      name: '10. a slug of the field’s 96 characters is cut to keep its suffix within them',
      input: {files: [file('a.txt', LONG)], owners: {[LONG]: ['article-old']}},
      output: {
        claimed: [
          {
            fileName: 'a.txt',
            slug: `${'a'.repeat(94)}-2`,
            review: [renamed(LONG, 'article-old', `${'a'.repeat(94)}-2`)],
          },
        ],
        lookups: [[LONG], suffixes('a'.repeat(94), 2, 9)],
      },
    },
    {
      name: '11. a slug cut at a hyphen loses the hyphen',
      input: {
        files: [file('a.txt', LONG_CUT_AT_HYPHEN)],
        owners: {[LONG_CUT_AT_HYPHEN]: ['article-old']},
      },
      output: {
        claimed: [
          {
            fileName: 'a.txt',
            slug: `${'x'.repeat(93)}-2`,
            review: [renamed(LONG_CUT_AT_HYPHEN, 'article-old', `${'x'.repeat(93)}-2`)],
          },
        ],
        lookups: [[LONG_CUT_AT_HYPHEN], suffixes('x'.repeat(93), 2, 9)],
      },
    },
  ])('ArticleClaims.claimSlugs: $name', async ({input, output}) => {
    const {slugOwners, lookups} = storedOwners(input.owners)
    const claimed = await new ArticleClaims().claimSlugs(input.files, slugOwners)
    expect(
      claimed.map(({fileName, conversion, review}) => ({
        fileName,
        slug: conversion?.documents.article.slug.current,
        ...(review ? {review} : {}),
      })),
    ).toStrictEqual(output.claimed)
    expect(lookups).toEqual(output.lookups)
  })

  test('ArticleClaims.claimSlugs: a renamed article is rebuilt with its slug, after the review reasons it had', async () => {
    const {slugOwners} = storedOwners({[SLUG]: ['article-old']})
    const wanted = {...file('a.txt'), review: ['Headline: Too long.']}
    const [claimed] = await new ArticleClaims().claimSlugs([wanted], slugOwners)
    const {conversion} = file('a.txt')
    if (!conversion) throw new Error('a.txt: not converted')
    expect(claimed).toEqual({
      fileName: 'a.txt',
      conversion: {...conversion, documents: withSlug(conversion.documents, `${SLUG}-2`)},
      review: ['Headline: Too long.', renamed(SLUG, 'article-old', `${SLUG}-2`)],
    })
  })

  test('ArticleClaims.claimSlugs: a slug given out in an earlier batch is taken', async () => {
    const claims = new ArticleClaims()
    const {slugOwners} = storedOwners({})
    await claims.claimSlugs([file('a.txt')], slugOwners)
    const [later] = await claims.claimSlugs([file('b.txt')], slugOwners)
    expect(later?.conversion?.documents.article.slug.current).toBe(`${SLUG}-2`)
  })

  test('ArticleClaims.claimId: a second file producing one article id fails, naming both files', () => {
    const claims = new ArticleClaims()
    claims.claimId('a/floods.txt', convertText('a/floods.txt', FLOODS))
    claims.claimId('b/rain.txt', convertText('b/rain.txt', FLOODS))
    expect(() => claims.claimId('b/floods.txt', convertText('b/floods.txt', FLOODS))).toThrow(
      expect.objectContaining({
        name: 'ImportError',
        message: 'b/floods.txt: article-floods is also produced by a/floods.txt; give one an id',
      }),
    )
  })
})
