import {
  ClipboardIcon,
  DocumentTextIcon,
  EnvelopeIcon,
  UsersIcon,
  WarningOutlineIcon,
} from '@sanity/icons'
import type {DefaultDocumentNodeResolver, StructureResolver} from 'sanity/structure'

import {
  ARTICLE_TYPE,
  IMPORT_NOTES_FIELD,
  NEWSLETTER_TYPE,
  PERSON_TYPE,
} from '../../schemas/constants'
import {API_VERSION} from '../../settings/constants'
import {WIRE_COPY_TOOL} from './constants'
import {ArticlePreview} from './preview/ArticlePreview'
import {WireCopyTool} from './wireCopy/WireCopyTool'

/**
 * The Studio's desk: a new article from wire copy (pasted or dropped files), what needs review,
 * then articles newest first, then the people and newsletters they refer to. "Needs review" lists the articles with import notes — drafts the
 * importer could not publish, and articles whose headline, credit, slug or signup it changed —
 * newest import first; publishing an article (or marking it reviewed) takes it off the list.
 */
export const newsroomStructure: StructureResolver = (S) =>
  S.list()
    .title('Newsroom')
    .items([
      S.listItem()
        .id(WIRE_COPY_TOOL)
        .title('New article from wire copy')
        .icon(ClipboardIcon)
        .child(S.component(WireCopyTool).id(WIRE_COPY_TOOL).title('New article from wire copy')),
      S.listItem()
        .id('needs-review')
        .title('Needs review')
        .icon(WarningOutlineIcon)
        .child(
          S.documentList()
            .id('needs-review')
            .title('Needs review')
            .schemaType(ARTICLE_TYPE)
            .apiVersion(API_VERSION)
            .filter(`_type == $type && count(${IMPORT_NOTES_FIELD}) > 0`)
            .params({type: ARTICLE_TYPE})
            .defaultOrdering([
              {field: 'source.importedAt', direction: 'desc'},
              {field: '_updatedAt', direction: 'desc'},
            ]),
        ),
      S.divider(),
      S.listItem()
        .title('Articles')
        .icon(DocumentTextIcon)
        .schemaType(ARTICLE_TYPE)
        .child(
          S.documentTypeList(ARTICLE_TYPE)
            .title('Articles')
            .defaultOrdering([{field: 'publishedAt', direction: 'desc'}]),
        ),
      S.documentTypeListItem(PERSON_TYPE).title('People').icon(UsersIcon),
      S.documentTypeListItem(NEWSLETTER_TYPE).title('Newsletters').icon(EnvelopeIcon),
    ])

/**
 * Each article's views: its form, and "Preview", the article rendered as readers will see it,
 * updated as the editor types. Other types keep the form alone.
 */
export const newsroomDocumentNode: DefaultDocumentNodeResolver = (S, {schemaType}) =>
  schemaType === ARTICLE_TYPE
    ? S.document().views([S.view.form(), S.view.component(ArticlePreview).title('Preview')])
    : S.document()
