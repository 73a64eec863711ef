import {DocumentTextIcon} from '@sanity/icons'
import {defineArrayMember, defineField, defineType} from '@sanity/types'

import {ARTICLE_TYPE, BYLINE_TYPE, IMPORT_NOTES_FIELD, SECTION_TYPE} from './constants'
import {formatByline} from './formatByline'
import {validateCredit} from './rules'

/** Headlines longer than this get cut off in feeds, search results and social cards. */
const HEADLINE_SOFT_LIMIT = 110

/** A news article: headline, standfirst, byline and the sections of its text. */
export const article = defineType({
  name: ARTICLE_TYPE,
  title: 'Article',
  type: 'document',
  icon: DocumentTextIcon,
  groups: [
    {name: 'content', title: 'Content', default: true},
    {name: 'credits', title: 'Byline & dates'},
    {name: 'import', title: 'Import'},
  ],
  fields: [
    defineField({
      name: IMPORT_NOTES_FIELD,
      title: 'Import notes',
      type: 'array',
      of: [defineArrayMember({type: 'string'})],
      group: ['content', 'import'],
      readOnly: true,
      hidden: ({value}) => !Array.isArray(value) || value.length === 0,
      description:
        'What the importer noticed for you to check, such as a headline taken from the lead or no credit found. Publishing clears them.',
    }),
    defineField({
      name: 'title',
      title: 'Headline',
      type: 'string',
      group: 'content',
      validation: (rule) => [
        rule.required().error('Give the article a headline.'),
        rule
          .max(HEADLINE_SOFT_LIMIT)
          .warning(
            `Headlines over ${HEADLINE_SOFT_LIMIT} characters get cut off in feeds and search results.`,
          ),
      ],
    }),
    defineField({
      name: 'slug',
      title: 'Slug',
      type: 'slug',
      group: 'content',
      description: 'The article’s URL. Generate it from the headline.',
      options: {source: 'title', maxLength: 96},
      // No custom message: it would also replace Sanity's "Slug is already in use", which
      // shares this rule.
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'standfirst',
      title: 'Standfirst',
      type: 'text',
      rows: 3,
      group: 'content',
      description: 'Optional summary under the headline.',
      validation: (rule) => rule.max(320).error('Keep the standfirst to 320 characters or fewer.'),
    }),
    defineField({
      name: 'sections',
      title: 'Sections',
      type: 'array',
      group: 'content',
      description: 'The lead first, then one section per subheading.',
      of: [defineArrayMember({type: SECTION_TYPE})],
      validation: (rule) =>
        rule.required().min(1).error('An article needs at least one section of text.'),
    }),
    defineField({
      name: 'byline',
      title: 'Byline',
      type: BYLINE_TYPE,
      group: 'credits',
      validation: (rule) => [
        rule.required().error('Credit the article to an author or an agency.'),
        rule.custom(validateCredit),
      ],
    }),
    defineField({
      name: 'publishedAt',
      title: 'Published at',
      type: 'datetime',
      group: 'credits',
    }),
    defineField({
      name: 'source',
      title: 'Import source',
      type: 'object',
      group: 'import',
      readOnly: true,
      description: 'Set by the importer: where this article came from and what it looked like.',
      fields: [
        defineField({name: 'fileName', title: 'Source file', type: 'string'}),
        defineField({
          name: 'creditLines',
          title: 'Credit lines as printed',
          description: 'The lines the byline was read from, taken out of the text.',
          type: 'array',
          of: [defineArrayMember({type: 'string'})],
        }),
        defineField({
          name: 'promoLines',
          title: 'Promos taken out of the text',
          description:
            'Subscription appeals, "follow us" lines and other promos pasted with the article.',
          type: 'array',
          of: [defineArrayMember({type: 'string'})],
        }),
        defineField({name: 'sourceSha256', title: 'SHA-256 of the source text', type: 'string'}),
        defineField({
          name: 'text',
          title: 'Original text',
          description: 'The text as it arrived, before it became this article.',
          type: 'text',
          rows: 12,
        }),
        defineField({name: 'importedAt', title: 'Imported at', type: 'datetime'}),
        defineField({name: 'contentHash', title: 'Hash of the imported content', type: 'string'}),
        defineField({name: 'importerVersion', title: 'Importer version', type: 'string'}),
      ],
    }),
  ],
  orderings: [
    {
      title: 'Newest first',
      name: 'publishedAtDesc',
      by: [{field: 'publishedAt', direction: 'desc'}],
    },
  ],
  preview: {
    select: {
      title: 'title',
      publishedAt: 'publishedAt',
      author0: 'byline.authors.0.name',
      author1: 'byline.authors.1.name',
      author2: 'byline.authors.2.name',
      author3: 'byline.authors.3.name',
      agencies: 'byline.agencies',
    },
    prepare: ({title, publishedAt, author0, author1, author2, author3, agencies}) => {
      const credit = formatByline({authors: [author0, author1, author2, author3], agencies})
      const date = typeof publishedAt === 'string' ? publishedAt.slice(0, 10) : undefined
      return {
        title: title || 'Untitled article',
        subtitle: [credit, date].filter(Boolean).join(' · '),
        media: DocumentTextIcon,
      }
    },
  },
})
