import {EnvelopeIcon} from '@sanity/icons'
import {defineField, defineType} from 'sanity'

import {NEWSLETTER_BLOCK_TYPE, NEWSLETTER_TYPE} from './constants'

const OVERRIDE_HINT = 'Leave empty to use the newsletter’s own copy.'

/** A newsletter signup placed inside a section's text, with optional copy overrides. */
export const newsletterBlock = defineType({
  name: NEWSLETTER_BLOCK_TYPE,
  title: 'Newsletter signup',
  type: 'object',
  icon: EnvelopeIcon,
  fields: [
    defineField({
      name: 'newsletter',
      title: 'Newsletter',
      type: 'reference',
      to: [{type: NEWSLETTER_TYPE}],
      validation: (rule) => rule.required().error('Choose which newsletter readers sign up to.'),
    }),
    defineField({name: 'heading', title: 'Heading', type: 'string', description: OVERRIDE_HINT}),
    defineField({
      name: 'ctaLabel',
      title: 'Button label',
      type: 'string',
      description: OVERRIDE_HINT,
    }),
    defineField({
      name: 'pendingMessage',
      title: 'While sending',
      type: 'string',
      description: OVERRIDE_HINT,
    }),
    defineField({
      name: 'successMessage',
      title: 'After signing up',
      type: 'string',
      description: OVERRIDE_HINT,
    }),
  ],
  preview: {
    select: {
      heading: 'heading',
      newsletterHeading: 'newsletter.heading',
      newsletterTitle: 'newsletter.title',
    },
    prepare: ({heading, newsletterHeading, newsletterTitle}) => ({
      title: heading || newsletterHeading || 'Newsletter signup',
      subtitle: newsletterTitle ? `Newsletter: ${newsletterTitle}` : 'No newsletter chosen',
      media: EnvelopeIcon,
    }),
  },
})
