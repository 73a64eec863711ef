import {LinkIcon} from '@sanity/icons'
import {defineField, defineType} from '@sanity/types'

import {LINK_SCHEMES, LINK_TYPE} from './constants'

/** A hyperlink annotation on section text; only web and mail addresses are allowed. */
export const link = defineType({
  name: LINK_TYPE,
  title: 'Link',
  type: 'object',
  icon: LinkIcon,
  fields: [
    defineField({
      name: 'href',
      title: 'Address',
      type: 'url',
      // One rule: every rule on a `url` field also carries the field's own URI check, so a
      // separate `required()` rule would fire, with its message, on a bad scheme too.
      validation: (rule) =>
        rule
          .required()
          .uri({scheme: [...LINK_SCHEMES]})
          .error(
            'Links need an http://, https:// or mailto: address (javascript: is not allowed).',
          ),
    }),
  ],
  preview: {
    select: {title: 'href'},
  },
})
