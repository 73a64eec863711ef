export {
  articleBySlug,
  articleOutline,
  articlesByAuthor,
  latestArticles,
  searchArticles,
} from './queries'
export {pageParams} from './pageParams'
