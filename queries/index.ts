export {pageParams} from './pageParams'
export {
  articleBySlug,
  articleOutline,
  articlesByAuthor,
  articleSlugs,
  latestArticles,
  searchArticles,
} from './queries'
