import {describe, expect, test} from 'vitest'

import {excerpt} from '../render'

/** Texts, the longest excerpt allowed, and the excerpt. */
const cases: {n: number; name: string; input: [string, number]; output: string}[] = [
  {
    n: 1,
    name: 'short text stays whole',
    input: ['Kyiv claims gains.', 40],
    output: 'Kyiv claims gains.',
  },
  {
    n: 2,
    name: 'text of exactly the length stays whole',
    input: ['Kyiv claims gains.', 18],
    output: 'Kyiv claims gains.',
  },
  {
    n: 3,
    name: 'long text is cut at a word',
    input: ['Kyiv claims to have captured the town of Sudzha.', 30],
    output: 'Kyiv claims to have captured…',
  },
  {
    n: 4,
    name: 'trailing punctuation goes before the ellipsis',
    input: ['Kyiv, Sumy, Kursk and Belgorod', 12],
    output: 'Kyiv, Sumy…',
  },
  {
    n: 5,
    name: 'a full stop at the cut goes before the ellipsis',
    input: ['Kyiv gains. Moscow denies it.', 13],
    output: 'Kyiv gains…',
  },
  {n: 6, name: 'whitespace collapses', input: ['Kyiv\n\n  claims', 40], output: 'Kyiv claims'},
  {
    n: 7,
    name: 'whitespace at the ends goes',
    input: ['\n  Kyiv claims gains.\t ', 40],
    output: 'Kyiv claims gains.',
  },
  {
    n: 8,
    name: 'text that fits once trimmed stays whole',
    input: [' Kyiv claims gains. ', 18],
    output: 'Kyiv claims gains.',
  },
  {n: 9, name: 'blank text is empty', input: [' \n ', 10], output: ''},
]

describe('excerpt', () => {
  test.each(cases)('excerpt: $n $name', ({input: [text, maxLength], output}) => {
    expect(excerpt(text, maxLength)).toBe(output)
    expect(output.length).toBeLessThanOrEqual(maxLength)
  })
})
