import type {ArticleBySlugResult} from '../schemas/sanity.types'

/** An article as `articleBySlug` returns it. */
export type RenderableArticle = NonNullable<ArticleBySlugResult>

/** A section of a {@link RenderableArticle}. */
export type RenderableSection = RenderableArticle['sections'][number]

/** A newsletter signup block, newsletter resolved and overrides applied. */
export type RenderableSignup = Extract<
  RenderableSection['content'][number],
  {_type: 'newsletterBlock'}
>
