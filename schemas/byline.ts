import {UsersIcon} from '@sanity/icons'
import {defineArrayMember, defineField, defineType} from '@sanity/types'

import {BYLINE_TYPE, PERSON_TYPE} from './constants'
import {formatByline} from './formatByline'
import {validateCredit} from './rules'

/** Who an article is credited to: staff authors and news agencies, in print order. */
export const byline = defineType({
  name: BYLINE_TYPE,
  title: 'Byline',
  type: 'object',
  icon: UsersIcon,
  fields: [
    defineField({
      name: 'authors',
      title: 'Authors',
      type: 'array',
      of: [defineArrayMember({type: 'reference', to: [{type: PERSON_TYPE}]})],
      validation: (rule) => rule.unique().error('Each author can be credited only once.'),
    }),
    defineField({
      name: 'agencies',
      title: 'Agencies',
      type: 'array',
      description: 'News agencies credited after the authors, e.g. AFP, Reuters.',
      of: [defineArrayMember({type: 'string'})],
      options: {layout: 'tags'},
      validation: (rule) => rule.unique().error('Each agency can be credited only once.'),
    }),
  ],
  validation: (rule) => rule.custom(validateCredit),
  preview: {
    select: {
      author0: 'authors.0.name',
      author1: 'authors.1.name',
      author2: 'authors.2.name',
      author3: 'authors.3.name',
      agencies: 'agencies',
    },
    prepare: ({author0, author1, author2, author3, agencies}) => ({
      title: formatByline({authors: [author0, author1, author2, author3], agencies}) || 'No credit',
      media: UsersIcon,
    }),
  },
})
