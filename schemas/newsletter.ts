import {EnvelopeIcon} from '@sanity/icons'
import {defineField, defineType} from '@sanity/types'

import {NEWSLETTER_TYPE} from './constants'

/** A newsletter readers sign up to; its copy is shown by every signup block that uses it. */
export const newsletter = defineType({
  name: NEWSLETTER_TYPE,
  title: 'Newsletter',
  type: 'document',
  icon: EnvelopeIcon,
  groups: [
    {name: 'details', title: 'Details', default: true},
    {name: 'signup', title: 'Signup copy'},
  ],
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      group: 'details',
      description: 'Internal name, e.g. "Daily briefing".',
      validation: (rule) => rule.required().error('Name the newsletter so editors can pick it.'),
    }),
    defineField({
      name: 'slug',
      title: 'Slug',
      type: 'slug',
      group: 'details',
      options: {source: 'title', maxLength: 96},
    }),
    defineField({
      name: 'description',
      title: 'Description',
      type: 'text',
      rows: 3,
      group: 'details',
    }),
    defineField({
      name: 'heading',
      title: 'Heading',
      type: 'string',
      group: 'signup',
      description: 'The call to action above the form, e.g. "Subscribe to our newsletter".',
    }),
    defineField({
      name: 'ctaLabel',
      title: 'Button label',
      type: 'string',
      group: 'signup',
      description: 'e.g. "Newsletter signup".',
    }),
    defineField({
      name: 'pendingMessage',
      title: 'While sending',
      type: 'string',
      group: 'signup',
      description: 'Shown while the signup is sent, e.g. "Please wait...".',
    }),
    defineField({
      name: 'successMessage',
      title: 'After signing up',
      type: 'string',
      group: 'signup',
      description: 'Shown once the reader is signed up.',
    }),
  ],
  preview: {
    select: {title: 'title', subtitle: 'heading'},
  },
})
