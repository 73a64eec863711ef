import {defineQuery} from 'groq'

// Every value reaches a query as a parameter, never spliced into its text.

/**
 * One article, ready to render: byline with authors resolved, sections with their anchors, and
 * newsletter blocks with their newsletter resolved and the block's copy overrides applied.
 * Params: `$slug`.
 */
export const articleBySlug = defineQuery(`*[_type == "article" && slug.current == $slug][0]{
  _id,
  title,
  "slug": slug.current,
  standfirst,
  publishedAt,
  "byline": {
    "authors": coalesce(byline.authors[]->{name, "slug": slug.current, role}, []),
    "agencies": coalesce(byline.agencies, [])
  },
  "sections": sections[]{
    _key,
    heading,
    "anchor": anchor.current,
    "content": content[]{
      ...,
      _type == "newsletterBlock" => {
        "newsletter": newsletter->{_id, title, "slug": slug.current},
        "heading": coalesce(
          select(heading != "" => heading),
          select(newsletter->heading != "" => newsletter->heading),
          newsletter->title
        ),
        "ctaLabel": coalesce(
          select(ctaLabel != "" => ctaLabel),
          select(newsletter->ctaLabel != "" => newsletter->ctaLabel),
          "Sign up"
        ),
        "pendingMessage": coalesce(
          select(pendingMessage != "" => pendingMessage),
          newsletter->pendingMessage
        ),
        "successMessage": coalesce(
          select(successMessage != "" => successMessage),
          newsletter->successMessage
        )
      }
    }
  }
}`)

/**
 * A page of the newest articles (by publication date, then import date) with an excerpt — the
 * standfirst, or the lead's first paragraph — and a reading time at 200 words a minute.
 * Params: `$offset` and `$end` (`offset + limit`; `pageParams` computes both). Slice bounds are
 * bare parameters because `sanity typegen` can only type slices written that way.
 */
export const latestArticles = defineQuery(`*[_type == "article" && defined(slug.current)]
  | order(coalesce(publishedAt, _createdAt) desc, _id asc) [$offset...$end]{
  _id,
  title,
  "slug": slug.current,
  publishedAt,
  "authors": coalesce(byline.authors[]->name, []),
  "agencies": coalesce(byline.agencies, []),
  "excerpt": coalesce(standfirst, pt::text(sections[0].content[_type == "block"][0]), ""),
  "readingMinutes": math::max([1, round(length(string::split(pt::text(sections[].content[_type == "block"]), " ")) / 200)])
}`)

/**
 * Articles crediting one author, newest first. Params: `$authorSlug`.
 */
export const articlesByAuthor =
  defineQuery(`*[_type == "article" && $authorSlug in byline.authors[]->slug.current]
  | order(coalesce(publishedAt, _createdAt) desc, _id asc){
  _id,
  title,
  "slug": slug.current,
  publishedAt,
  "author": *[_type == "person" && slug.current == $authorSlug][0]{name, "slug": slug.current, role}
}`)

/**
 * Articles whose headline or body text matches a search term, newest first. Params: `$term`.
 */
export const searchArticles = defineQuery(`*[_type == "article" && (
    title match $term || pt::text(sections[].content[_type == "block"]) match $term
  )] | order(coalesce(publishedAt, _createdAt) desc, _id asc)[0...50]{
  _id,
  title,
  "slug": slug.current,
  publishedAt
}`)

/**
 * An article's table of contents: the headed sections and their anchors. Params: `$slug`.
 */
export const articleOutline = defineQuery(`*[_type == "article" && slug.current == $slug][0]{
  title,
  "sections": sections[defined(heading)]{heading, "anchor": anchor.current}
}`)

/**
 * The slugs of every published article, for building pages.
 */
export const articleSlugs = defineQuery(
  `*[_type == "article" && defined(slug.current)] | order(slug.current asc).slug.current`,
)
