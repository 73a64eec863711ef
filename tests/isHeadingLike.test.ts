import {describe, expect, test} from 'vitest'

import type {TextBlock} from '../importer/parse/TextBlock'
import {isHeadingLike, isHeadlineLike, isNotHeading} from '../importer/structure/isHeadingLike'

/** A plain paragraph of one span. */
function paragraph(text: string): TextBlock {
  return {style: 'normal', spans: [{text, marks: []}], links: []}
}

/** The same paragraph with a link in it. */
function linked(text: string): TextBlock {
  return {
    style: 'normal',
    spans: [{text, marks: ['l1']}],
    links: [{key: 'l1', href: 'https://example.com/'}],
  }
}

/** 80 characters and 9 words: the longest question that still heads a section. */
const QUESTION_80 =
  "Why did parliamentary commissioners reject the proposed harbour's redevelopment?"
/** 81 characters and 9 words. */
const QUESTION_81 =
  "Why did parliamentary commissioners reject the proposed harbours' redevelopments?"
/** 12 words and 60 characters: the most words a heading may have. */
const QUESTION_12_WORDS = 'Why did the council vote to close the old harbour this year?'

describe('isHeadingLike', () => {
  const cases = [
    {n: 1, name: 'a short plain line', input: paragraph('What happens next'), output: true},
    {n: 2, name: 'a line closing with a full stop', input: paragraph('It rained.'), output: false},
    {n: 3, name: 'a line closing with a colon', input: paragraph('The plan:'), output: false},
    {
      n: 4,
      name: 'a line closing with a quoted full stop',
      input: paragraph('He said “no.”'),
      output: false,
    },
    {n: 5, name: 'an empty line', input: paragraph('   '), output: false},
    {
      n: 6,
      name: 'a line of 100 characters',
      input: paragraph(`${'a'.repeat(50)} ${'b'.repeat(49)}`),
      output: true,
    },
    {
      n: 7,
      name: 'a line of 101 characters',
      input: paragraph(`${'a'.repeat(50)} ${'b'.repeat(50)}`),
      output: false,
    },
    {
      n: 8,
      name: 'a line of 12 words',
      input: paragraph('one two three four five six seven eight nine ten eleven twelve'),
      output: true,
    },
    {
      n: 9,
      name: 'a line of 13 words',
      input: paragraph('one two three four five six seven eight nine ten eleven twelve thirteen'),
      output: false,
    },
    {
      n: 10,
      name: 'a short question',
      input: paragraph('Will the council close the old harbour?'),
      output: true,
    },
    {n: 11, name: 'a question of 80 characters', input: paragraph(QUESTION_80), output: true},
    {n: 12, name: 'a question of 81 characters', input: paragraph(QUESTION_81), output: false},
    {n: 13, name: 'a question of 12 words', input: paragraph(QUESTION_12_WORDS), output: true},
    {
      n: 14,
      name: 'a quoted question',
      input: paragraph('“Will they close the harbour?”'),
      output: false,
    },
    {
      n: 15,
      name: 'a question put to the reader',
      input: paragraph('Will you close the harbour?'),
      output: false,
    },
    {n: 16, name: 'a line with a link', input: linked('What happens next'), output: false},
    {
      n: 17,
      name: 'a list item',
      input: {...paragraph('What happens next'), listItem: 'bullet'},
      output: false,
    },
    {
      n: 18,
      name: 'a Markdown heading',
      input: {...paragraph('What happens next'), style: 'h2'},
      output: false,
    },
    {n: 19, name: 'a padded line', input: paragraph('  What happens next  '), output: true},
    {
      n: 20,
      name: 'an image’s description',
      input: {...paragraph('Delegates arrive in Geneva'), from: 'image'},
      output: false,
    },
    {
      n: 21,
      name: 'a code block',
      input: {...paragraph('npm run import'), from: 'code'},
      output: false,
    },
  ] satisfies {n: number; name: string; input: TextBlock; output: boolean}[]
  test.each(cases)('isHeadingLike: $n reads $name', ({input, output}) => {
    expect(isHeadingLike(input)).toBe(output)
  })
})

describe('isHeadlineLike', () => {
  const cases = [
    {n: 1, name: 'a headline', input: paragraph('Storm hits the coast'), output: true},
    {n: 2, name: 'a question', input: paragraph('Will the storm hit the coast?'), output: true},
    {n: 3, name: 'a sentence', input: paragraph('Storm hits the coast.'), output: false},
    {
      n: 4,
      name: 'a sentence padded with spaces',
      input: paragraph('Storm hits the coast.  '),
      output: false,
    },
    {n: 5, name: 'a headline with a link', input: linked('Storm hits the coast'), output: false},
    {
      n: 6,
      name: 'a list item',
      input: {...paragraph('Storm hits the coast'), listItem: 'number'},
      output: false,
    },
    {n: 7, name: 'a picture credit', input: paragraph('© AFP / WANG ZHAO'), output: false},
    {n: 8, name: 'an empty line', input: paragraph('  '), output: false},
    {
      n: 9,
      name: 'a line of 200 characters',
      input: paragraph(`${'a'.repeat(100)} ${'b'.repeat(99)}`),
      output: true,
    },
    {
      n: 10,
      name: 'a line of 201 characters',
      input: paragraph(`${'a'.repeat(100)} ${'b'.repeat(100)}`),
      output: false,
    },
  ] satisfies {n: number; name: string; input: TextBlock; output: boolean}[]
  test.each(cases)('isHeadlineLike: $n reads $name', ({input, output}) => {
    expect(isHeadlineLike(input)).toBe(output)
  })
})

describe('isNotHeading', () => {
  const cases = [
    {n: 1, name: 'a copyright credit', input: '© picture alliance/dpa', output: true},
    {n: 2, name: 'a photo credit', input: 'Photo iStock', output: true},
    {n: 3, name: 'a separator', input: '___', output: true},
    {n: 4, name: 'a status label', input: ' Update ', output: true},
    {n: 5, name: 'a heading', input: 'What happens next', output: false},
    {n: 6, name: 'a wire photo credit', input: '(AP Photo/Evan Vucci)', output: true},
    {n: 7, name: 'a picture agency', input: 'Getty Images', output: true},
    {n: 8, name: 'an ad marker', input: 'Advertisement', output: true},
    {n: 9, name: 'a share button', input: 'Share this article', output: true},
    {n: 10, name: 'a reading time', input: '5 min read', output: true},
    {
      n: 11,
      name: 'a heading naming a photo',
      input: 'The photo that changed the war',
      output: false,
    },
  ]
  test.each(cases)('isNotHeading: $n reads $name', ({input, output}) => {
    expect(isNotHeading(input)).toBe(output)
  })
})
