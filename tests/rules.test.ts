import type {Path} from 'sanity'
import {describe, expect, test} from 'vitest'

import {isUniqueSectionAnchor, validateCredit, validateSectionHeading} from '../schemas/rules'

const NO_CREDIT = 'Credit at least one author or one agency.'
const NO_HEADING = 'Every section after the lead needs a heading.'

const author = {_type: 'reference', _key: 'a1', _ref: 'person-anna-smith'}

const creditFixtures: {n: number; input: unknown; output: true | string}[] = [
  {n: 1, input: {_type: 'byline', authors: [author]}, output: true},
  {n: 2, input: {_type: 'byline', agencies: ['AFP']}, output: true},
  {n: 3, input: {_type: 'byline', authors: [author], agencies: ['AFP']}, output: true},
  {n: 4, input: {_type: 'byline', authors: [], agencies: ['AFP']}, output: true},
  {n: 5, input: {_type: 'byline', authors: [author], agencies: []}, output: true},
  {n: 6, input: {_type: 'byline', authors: [], agencies: []}, output: NO_CREDIT},
  {n: 7, input: {_type: 'byline'}, output: NO_CREDIT},
  {n: 8, input: {}, output: NO_CREDIT},
  // No byline at all: whether one is needed is the holding field's `required` rule.
  {n: 9, input: undefined, output: true},
  {n: 10, input: null, output: NO_CREDIT},
  {n: 11, input: 'Anna Smith', output: NO_CREDIT},
  {n: 12, input: 0, output: NO_CREDIT},
  {n: 13, input: [author], output: NO_CREDIT},
  // Only arrays count: a name or agency given as a bare string credits no one.
  {n: 14, input: {authors: 'Anna Smith', agencies: 'AFP'}, output: NO_CREDIT},
  {n: 15, input: {authors: null, agencies: null}, output: NO_CREDIT},
]

const lead = {_type: 'section', _key: 'lead', content: []}
const later = {_type: 'section', _key: 'east', content: []}
const article = {_id: 'article-a', _type: 'article', sections: [lead, later]}
const inSection = (key: string): Path => ['sections', {_key: key}, 'heading']

const headingFixtures: {
  n: number
  input: {heading: string | undefined; document: unknown; path: Path | undefined}
  output: true | string
}[] = [
  {
    n: 1,
    input: {heading: 'Refugee flows', document: article, path: inSection('east')},
    output: true,
  },
  {
    n: 2,
    input: {heading: 'Refugee flows', document: article, path: inSection('lead')},
    output: true,
  },
  // The lead (index 0) needs no heading, however it is missing.
  {n: 3, input: {heading: undefined, document: article, path: inSection('lead')}, output: true},
  {n: 4, input: {heading: '', document: article, path: inSection('lead')}, output: true},
  {n: 5, input: {heading: ' \t\n', document: article, path: inSection('lead')}, output: true},
  // Any later section does.
  {
    n: 6,
    input: {heading: undefined, document: article, path: inSection('east')},
    output: NO_HEADING,
  },
  {n: 7, input: {heading: '', document: article, path: inSection('east')}, output: NO_HEADING},
  {n: 8, input: {heading: ' \t\n', document: article, path: inSection('east')}, output: NO_HEADING},
  {n: 9, input: {heading: ' x ', document: article, path: inSection('east')}, output: true},
  // A path that does not point into a section (index -1) is not this rule's to judge.
  {n: 10, input: {heading: '', document: article, path: undefined}, output: true},
  {n: 11, input: {heading: '', document: article, path: []}, output: true},
  {n: 12, input: {heading: '', document: article, path: ['heading']}, output: true},
  {n: 13, input: {heading: '', document: article, path: ['sections', 1, 'heading']}, output: true},
  {n: 14, input: {heading: '', document: article, path: inSection('gone')}, output: true},
  {n: 15, input: {heading: '', document: undefined, path: inSection('east')}, output: true},
  {n: 16, input: {heading: '', document: {_id: 'a'}, path: inSection('east')}, output: true},
  {
    n: 17,
    input: {heading: '', document: {sections: 'east'}, path: inSection('east')},
    output: true,
  },
  {
    n: 18,
    input: {heading: '', document: {sections: [null, 'east', later]}, path: inSection('east')},
    output: NO_HEADING,
  },
]

const anchored = (key: string, current: unknown) => ({
  _type: 'section',
  _key: key,
  anchor: {_type: 'slug', current},
  content: [],
})
const withSections = (...sections: unknown[]) => ({_id: 'article-a', _type: 'article', sections})

const anchorFixtures: {
  n: number
  input: {anchor: string; document: unknown; path: Path | undefined}
  output: boolean
}[] = [
  {
    n: 1,
    input: {
      anchor: 'east',
      document: withSections(lead, anchored('east', 'east'), anchored('west', 'west')),
      path: ['sections', {_key: 'east'}, 'anchor'],
    },
    output: true,
  },
  {
    n: 2,
    input: {
      anchor: 'east',
      document: withSections(lead, anchored('east', 'east'), anchored('east-2', 'east')),
      path: ['sections', {_key: 'east'}, 'anchor'],
    },
    output: false,
  },
  // Both holders of a duplicate are flagged, not only the later one.
  {
    n: 3,
    input: {
      anchor: 'east',
      document: withSections(lead, anchored('east', 'east'), anchored('east-2', 'east')),
      path: ['sections', {_key: 'east-2'}, 'anchor'],
    },
    output: false,
  },
  {
    n: 4,
    input: {
      anchor: 'east',
      document: withSections(anchored('a', 'east'), anchored('b', 'east'), anchored('c', 'east')),
      path: ['sections', {_key: 'a'}, 'anchor'],
    },
    output: false,
  },
  // Sections without an anchor, or with one that is not a string, share nothing.
  {
    n: 5,
    input: {
      anchor: 'east',
      document: withSections(lead, {...later, _key: 'x'}, anchored('east', 'east')),
      path: ['sections', {_key: 'east'}, 'anchor'],
    },
    output: true,
  },
  {
    n: 6,
    input: {
      anchor: 'east',
      document: withSections(anchored('a', undefined), anchored('b', 7), {anchor: 'east'}, null),
      path: ['sections', {_key: 'a'}, 'anchor'],
    },
    output: true,
  },
  // An anchor the document does not hold yet (being typed) is unique.
  {
    n: 7,
    input: {
      anchor: 'north',
      document: withSections(anchored('east', 'east'), anchored('east-2', 'east')),
      path: ['sections', {_key: 'east'}, 'anchor'],
    },
    output: true,
  },
  {
    n: 8,
    input: {anchor: 'east', document: {_id: 'article-a'}, path: ['sections', {_key: 'east'}]},
    output: true,
  },
  {n: 9, input: {anchor: 'east', document: undefined, path: undefined}, output: true},
  // Uniqueness is within the article: the path does not change what is counted.
  {
    n: 10,
    input: {
      anchor: 'east',
      document: withSections(anchored('east', 'east'), anchored('east-2', 'east')),
      path: undefined,
    },
    output: false,
  },
  // Anchors compare exactly.
  {
    n: 11,
    input: {
      anchor: 'east',
      document: withSections(anchored('a', 'east'), anchored('b', 'East'), anchored('c', 'east ')),
      path: ['sections', {_key: 'a'}, 'anchor'],
    },
    output: true,
  },
  {
    n: 12,
    input: {
      anchor: '7',
      document: withSections(anchored('a', '7'), anchored('b', 7)),
      path: ['sections', {_key: 'a'}, 'anchor'],
    },
    output: true,
  },
]

describe('schemas/rules', () => {
  test.each(creditFixtures)('validateCredit: $n returns $output', ({input, output}) => {
    expect(validateCredit(input)).toBe(output)
  })

  test.each(headingFixtures)('validateSectionHeading: $n returns $output', ({input, output}) => {
    const {heading, document, path} = input
    expect(validateSectionHeading(heading, {document, path})).toBe(output)
  })

  test('validateSectionHeading: reads no path and no document as outside any section', () => {
    expect(validateSectionHeading('', {})).toBe(true)
  })

  test.each(anchorFixtures)('isUniqueSectionAnchor: $n returns $output', ({input, output}) => {
    const {anchor, document, path} = input
    expect(isUniqueSectionAnchor(anchor, {document, path})).toBe(output)
  })
})
