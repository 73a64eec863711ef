import {UserIcon} from '@sanity/icons'
import {defineField, defineType} from '@sanity/types'

import {PERSON_TYPE} from './constants'

/** A journalist or contributor credited in article bylines. */
export const person = defineType({
  name: PERSON_TYPE,
  title: 'Person',
  type: 'document',
  icon: UserIcon,
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'string',
      description: 'As printed in the byline, e.g. "Florent Vergnes".',
      validation: (rule) => rule.required().error('Add the name as it should appear in bylines.'),
    }),
    defineField({
      name: 'slug',
      title: 'Slug',
      type: 'slug',
      description: 'Used in the author page URL. Generate it from the name.',
      options: {source: 'name', maxLength: 96},
      // No custom message: it would also replace Sanity's "Slug is already in use", which
      // shares this rule.
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'role',
      title: 'Role',
      type: 'string',
      description: 'Optional, e.g. "Correspondent in Kyiv".',
    }),
  ],
  preview: {
    select: {title: 'name', subtitle: 'role'},
  },
})
