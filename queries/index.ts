export {pageParams} from './pageParams'
export {
  articleBySlug,
  articleOutline,
  articleSlugs,
  articlesByAuthor,
  latestArticles,
  searchArticles,
} from './queries'
