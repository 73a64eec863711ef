import {UsersIcon} from '@sanity/icons'
import {defineArrayMember, defineField, defineType, isRecord} from 'sanity'

import {BYLINE_TYPE, PERSON_TYPE} from './constants'
import {formatByline} from './formatByline'

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

/**
 * Custom rule: a byline must credit at least one author or agency. A missing byline passes;
 * whether one is needed is the `required` rule of the field that holds it. Fields of type
 * `byline` that declare their own validation replace the type's, so they add this rule too.
 *
 * @param value - a byline value
 * @returns true, or the message for the editor
 */
export function validateCredit(value: unknown): true | string {
  if (value === undefined) return true
  if (isRecord(value)) {
    const {authors, agencies} = value
    if (Array.isArray(authors) && authors.length > 0) return true
    if (Array.isArray(agencies) && agencies.length > 0) return true
  }
  return 'Credit at least one author or one agency.'
}
