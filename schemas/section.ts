import {LinkIcon, ThListIcon} from '@sanity/icons'
import {defineArrayMember, defineField, defineType} from '@sanity/types'

import {
  BLOCK_STYLES,
  DECORATORS,
  LINK_TYPE,
  LIST_TYPES,
  NEWSLETTER_BLOCK_TYPE,
  SECTION_TYPE,
} from './constants'
import {isUniqueSectionAnchor, validateSectionHeading} from './rules'

/** One part of an article: an optional heading (only the lead may lack one) and its text. */
export const section = defineType({
  name: SECTION_TYPE,
  title: 'Section',
  type: 'object',
  icon: ThListIcon,
  fields: [
    defineField({
      name: 'heading',
      title: 'Heading',
      type: 'string',
      description: 'The subheading readers see. Only the first section (the lead) may go without.',
      validation: (rule) => rule.custom(validateSectionHeading),
    }),
    defineField({
      name: 'anchor',
      title: 'Anchor',
      type: 'slug',
      description: 'Links to this section (#anchor) and the table of contents. Generate it.',
      options: {
        source: (_document, {parent}) => (isHeaded(parent) ? parent.heading : ''),
        maxLength: 64,
        isUnique: isUniqueSectionAnchor,
      },
    }),
    defineField({
      name: 'content',
      title: 'Text',
      type: 'array',
      of: [
        defineArrayMember({
          type: 'block',
          styles: [...BLOCK_STYLES],
          lists: [...LIST_TYPES],
          marks: {
            decorators: [...DECORATORS],
            annotations: [defineArrayMember({type: LINK_TYPE, icon: LinkIcon})],
          },
        }),
        defineArrayMember({type: NEWSLETTER_BLOCK_TYPE}),
      ],
      validation: (rule) =>
        rule.required().min(1).error('A section needs at least one paragraph of text.'),
    }),
  ],
  preview: {
    select: {heading: 'heading', content: 'content'},
    prepare: ({heading, content}) => {
      const blocks = Array.isArray(content) ? content.length : 0
      return {
        title: heading || 'Lead',
        subtitle: `${blocks} ${blocks === 1 ? 'block' : 'blocks'}`,
        media: ThListIcon,
      }
    },
  },
})

function isHeaded(value: unknown): value is {heading: string} {
  return (
    typeof value === 'object' &&
    value !== null &&
    'heading' in value &&
    typeof value.heading === 'string'
  )
}
