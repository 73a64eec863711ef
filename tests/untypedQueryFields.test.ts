import {describe, expect, test} from 'vitest'

import {untypedQueryFields} from '../scripts/check/untypedQueryFields'

const generated = (body: string) => `// Source: schema.json
export type Article = {
  legacy?: null
}

// Source: queries/queries.ts
// Variable: articleBySlug
// Query: *[_type == "article"][0]{title, subtitle}
export type ArticleBySlugResult = {
${body}
} | null

// Query TypeMap
`

describe('untypedQueryFields', () => {
  test.each([
    ['a field the schema lacks', '  subtitle: null', ['ArticleBySlugResult.subtitle: null']],
    [
      'an expression typegen cannot follow',
      '  score: unknown',
      ['ArticleBySlugResult.score: unknown'],
    ],
    [
      'an array of unknowns',
      '  tags: Array<unknown>',
      ['ArticleBySlugResult.tags: Array<unknown>'],
    ],
    ['a nullable real field', '  standfirst: string | null', []],
    ['a typed field', '  title: string', []],
  ])('untypedQueryFields: %s', (_, body, problems) => {
    expect(untypedQueryFields(generated(body))).toEqual(problems)
  })

  test('untypedQueryFields: schema types are not query results', () => {
    expect(untypedQueryFields(generated('  title: string'))).not.toContain('Article.legacy: null')
  })
})
