export {pageParams} from './pageParams'
export {
  articleBySlug,
  articleOutline,
  articlesByAuthor,
  latestArticles,
  searchArticles,
} from './queries'
