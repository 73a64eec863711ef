import {describe, expect, test} from 'vitest'

import {articlePlainText, type RenderableSection} from '../render'
import {dailySignup} from './fixtures/frontEndQueries'

type Content = RenderableSection['content']

/** A paragraph of one span per text. */
function paragraph(key: string, ...texts: string[]): Content[number] {
  return {
    _type: 'block',
    _key: key,
    style: 'normal',
    markDefs: [],
    children: texts.map((text, index) => ({
      _type: 'span',
      _key: `${key}${index}`,
      text,
      marks: [],
    })),
  }
}

const signup: Content[number] = dailySignup

function section(key: string, heading: string | null, content: Content): RenderableSection {
  return {_key: key, heading, anchor: null, content}
}

/** Sections and the reading text they give. */
const cases: {n: number; name: string; input: RenderableSection[]; output: string}[] = [
  {n: 1, name: 'no sections', input: [], output: ''},
  {
    n: 2,
    name: 'a headless section of one paragraph',
    input: [section('a', null, [paragraph('p', 'Kyiv claims gains.')])],
    output: 'Kyiv claims gains.',
  },
  {
    n: 3,
    name: 'a heading, then its paragraphs, blank lines between',
    input: [section('a', 'Refugee Flows', [paragraph('p', 'First.'), paragraph('q', 'Second.')])],
    output: 'Refugee Flows\n\nFirst.\n\nSecond.',
  },
  {
    n: 4,
    name: 'sections in order',
    input: [
      section('a', null, [paragraph('p', 'Lead.')]),
      section('b', 'East', [paragraph('q', 'Fighting.')]),
    ],
    output: 'Lead.\n\nEast\n\nFighting.',
  },
  {
    n: 5,
    name: 'the spans of a paragraph run on',
    input: [section('a', null, [paragraph('p', 'Read the ', 'agency report', '.')])],
    output: 'Read the agency report.',
  },
  {
    n: 6,
    name: 'a signup form after the text is left out',
    input: [section('a', null, [paragraph('p', 'Body.'), signup])],
    output: 'Body.',
  },
  {
    n: 7,
    name: 'a section of only a signup form leaves no blank part',
    input: [section('a', null, [paragraph('p', 'Lead.')]), section('b', null, [signup])],
    output: 'Lead.',
  },
  {
    n: 8,
    name: 'a blank heading is left out',
    input: [section('a', '  ', [paragraph('p', 'Body.')])],
    output: 'Body.',
  },
  {
    n: 9,
    name: 'a blank paragraph is left out',
    input: [
      section('a', 'East', [paragraph('p', ' \n ')]),
      section('b', null, [paragraph('q', 'End.')]),
    ],
    output: 'East\n\nEnd.',
  },
  {
    n: 10,
    name: 'a heading with no text under it stays',
    input: [section('a', 'Analysis', [])],
    output: 'Analysis',
  },
]

describe('articlePlainText', () => {
  test.each(cases)('articlePlainText: $n $name', ({input, output}) => {
    expect(articlePlainText({sections: input})).toBe(output)
  })
})
