import type {FrontMatter} from '../read/readFrontMatter'
import {ContentKeys} from '../shared/contentKey'
import {fileStem} from '../shared/fileName'
import {ImportError} from '../shared/ImportError'
import type {StructuredArticle} from '../structure/structureArticle'
import {type AnyDocuments, joinArticle} from './articleBody'
import {contentHash} from './contentHash'
import {slugify} from './slugify'
import {toPortableText} from './toPortableText'
import type {
  ArticleInput,
  ImportedDocuments,
  NewsletterInput,
  PersonInput,
  SectionInput,
} from './types'

/** What the documents of one source file are built from. */
export interface BuildInput {
  /** The source file's name as given, recorded in the article's provenance. */
  fileName: string
  /** Hex SHA-256 of the source file's bytes. */
  sourceSha256: string
  /** The source file's text as decoded (LF line endings), kept as the article's original. */
  sourceText: string
  frontMatter: FrontMatter
  structured: StructuredArticle
  /** ISO timestamp of the import (injected: `SOURCE_DATE_EPOCH` makes runs reproducible). */
  importedAt: string
  importerVersion: string
}

const ID_PART = /^[A-Za-z0-9][A-Za-z0-9_-]*$/

/**
 * Builds the article, the people it credits and the newsletter its signup refers to. Ids are
 * readable and stable (`article-<id or file name>`, `person-<name>`, `newsletter-<slug>`) and
 * every `_key` is derived from content.
 *
 * @param input - the structured article and its provenance
 * @returns the documents, not yet validated or written
 * @throws ImportError when the front matter `id` cannot be part of a document id
 */
export function buildDocuments(input: BuildInput): ImportedDocuments {
  const {frontMatter, structured} = input
  const persons = (frontMatter.authors ?? structured.byline?.authors ?? []).map(buildPerson)
  const agencies = frontMatter.agencies ?? structured.byline?.agencies ?? []
  const newsletter = structured.signup && buildNewsletter(structured.signup.copy)
  const title = frontMatter.title ?? structured.title.text
  const authorKeys = new ContentKeys()

  const article: ArticleInput = {
    _id: `article-${articleIdPart(input)}`,
    _type: 'article',
    title,
    slug: {_type: 'slug', current: frontMatter.slug ?? slugify(title)},
    ...(frontMatter.standfirst ? {standfirst: frontMatter.standfirst} : {}),
    ...(frontMatter.publishedAt ? {publishedAt: frontMatter.publishedAt} : {}),
    // Keys in sorted order here and below, so the content hash needs no key-sorted copy.
    byline: {
      _type: 'byline',
      agencies,
      authors: persons.map((person) => ({
        _key: authorKeys.next(person._id),
        _ref: person._id,
        _type: 'reference',
      })),
    },
    sections: buildSections(structured, newsletter),
  }
  const creditLines = structured.byline?.lines.map((line) => line.text) ?? []
  const promoLines = structured.promoLines ?? []
  article.source = {
    fileName: input.fileName,
    ...(creditLines.length > 0 ? {creditLines} : {}),
    ...(promoLines.length > 0 ? {promoLines} : {}),
    sourceSha256: input.sourceSha256,
    text: input.sourceText,
    importedAt: input.importedAt,
    contentHash: contentHash(article),
    importerVersion: input.importerVersion,
  }
  return {article, persons, ...(newsletter ? {newsletter} : {})}
}

/**
 * The documents an article refers to, which are written with it where missing: the people it
 * credits, then its newsletter.
 *
 * @param documents - documents from buildDocuments
 * @returns the people and the newsletter, if any
 */
export function referencedDocuments({
  persons,
  newsletter,
}: Pick<ImportedDocuments, 'persons' | 'newsletter'>): (PersonInput | NewsletterInput)[] {
  return newsletter ? [...persons, newsletter] : [...persons]
}

/**
 * The same documents with another article slug, its content hash recomputed: for an article
 * whose slug another article already holds.
 *
 * @param documents - documents from buildDocuments
 * @param slug - the slug to give the article
 * @returns new documents; the input is not changed
 */
export function withSlug(documents: AnyDocuments, slug: string): ImportedDocuments {
  // The content hash covers the sections, so a split article is read whole: a clash is rare.
  const whole = joinArticle(documents.article)
  const article: ArticleInput = {...whole, slug: {_type: 'slug', current: slug}}
  if (whole.source) {
    article.source = {...whole.source, contentHash: contentHash(article)}
  }
  return {...documents, article}
}

function articleIdPart({fileName, frontMatter}: BuildInput): string {
  if (frontMatter.id === undefined) return slugify(fileStem(fileName))
  if (!ID_PART.test(frontMatter.id)) {
    throw new ImportError(
      fileName,
      `front matter "id" "${frontMatter.id}" may use only letters, digits, "-" and "_"`,
    )
  }
  return frontMatter.id
}

function buildSections(
  structured: StructuredArticle,
  newsletter?: NewsletterInput,
): SectionInput[] {
  const sectionKeys = new ContentKeys()
  const anchors = new Map<string, number>()
  // A signup inserted in the text goes where it stood; one closing it, at the end.
  const at = structured.signup?.at
  const signupSection = at ? at.section : structured.sections.length - 1
  return structured.sections.map(({heading, blocks}, index): SectionInput => {
    const _key = sectionKeys.next(heading ?? 'lead')
    const content: SectionInput['content'] = toPortableText(blocks, new ContentKeys())
    if (newsletter && index === signupSection) {
      content.splice(at ? at.index : content.length, 0, {
        _key: new ContentKeys().next(`newsletterBlock:${newsletter._id}`),
        _type: 'newsletterBlock',
        newsletter: {_ref: newsletter._id, _type: 'reference'},
      })
    }
    if (!heading) return {_key, _type: 'section', content}
    const anchor = uniqueAnchor(slugify(heading, 64), anchors)
    return {_key, _type: 'section', anchor: {_type: 'slug', current: anchor}, content, heading}
  })
}

/** Repeated headings get `-2`, `-3`… so anchors stay unique within the article. */
function uniqueAnchor(anchor: string, seen: Map<string, number>): string {
  const occurrence = (seen.get(anchor) ?? 0) + 1
  seen.set(anchor, occurrence)
  return occurrence === 1 ? anchor : `${anchor}-${occurrence}`
}

function buildPerson(name: string): PersonInput {
  const slug = slugify(name)
  return {_id: `person-${slug}`, _type: 'person', name, slug: {_type: 'slug', current: slug}}
}

function buildNewsletter(copy: NonNullable<StructuredArticle['signup']>['copy']): NewsletterInput {
  const slug = slugify(copy.heading)
  return {
    _id: `newsletter-${slug}`,
    _type: 'newsletter',
    title: copy.heading,
    slug: {_type: 'slug', current: slug},
    ...copy,
  }
}
