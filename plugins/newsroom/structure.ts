import {DocumentTextIcon, EnvelopeIcon, UsersIcon} from '@sanity/icons'
import type {StructureResolver} from 'sanity/structure'

import {ARTICLE_TYPE, NEWSLETTER_TYPE, PERSON_TYPE} from '../../schemas/constants'

/** The Studio's desk: articles newest first, then the people and newsletters they refer to. */
export const newsroomStructure: StructureResolver = (S) =>
  S.list()
    .title('Newsroom')
    .items([
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
