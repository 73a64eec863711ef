export type {
  ArticleInput,
  ImportedDocuments,
  NewsletterInput,
  PersonInput,
} from '../documents/types'
export {ImportError, type SourcePosition} from '../shared/ImportError'
export {
  type ArticleConversion,
  convertArticle,
  type ConvertArticleOptions,
  IMPORTER_VERSION,
} from './convertArticle'
