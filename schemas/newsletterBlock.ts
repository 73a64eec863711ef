import {EnvelopeIcon} from '@sanity/icons'
import {defineField, defineType} from '@sanity/types'

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
      ctaLabel: 'ctaLabel',
      pendingMessage: 'pendingMessage',
      successMessage: 'successMessage',
      newsletterTitle: 'newsletter.title',
      newsletterHeading: 'newsletter.heading',
      newsletterCtaLabel: 'newsletter.ctaLabel',
      newsletterPending: 'newsletter.pendingMessage',
      newsletterSuccess: 'newsletter.successMessage',
    },
    prepare: (selection) => {
      // The block's own copy where an editor gave it, else its newsletter's, as readers see it.
      const copy = (own: unknown, fallback: unknown) =>
        typeof own === 'string' && own !== '' ? own : typeof fallback === 'string' ? fallback : ''
      const heading = copy(selection['heading'], selection['newsletterHeading'])
      const title = copy(selection['newsletterTitle'], '')
      const button = copy(selection['ctaLabel'], selection['newsletterCtaLabel']) || 'Sign up'
      const pending = copy(selection['pendingMessage'], selection['newsletterPending'])
      const success = copy(selection['successMessage'], selection['newsletterSuccess'])
      const messages = [
        pending ? `While sending: “${pending}”` : '',
        success ? `After signing up: “${success}”` : '',
      ].filter(Boolean)
      return {
        title: heading || title || 'Newsletter signup',
        subtitle: title ? `Button: “${button}” · Newsletter: ${title}` : 'No newsletter chosen',
        ...(messages.length > 0 ? {description: messages.join(' · ')} : {}),
        media: EnvelopeIcon,
      }
    },
  },
})
