import {describe, expect, test} from 'vitest'

import {
  type CreditPosition,
  parseByline,
  type ParsedByline,
} from '../importer/structure/parseByline'

interface Fixture {
  n: number
  input: string
  /** Where the line stands; parseByline's default, `end`, when not given. */
  position?: CreditPosition
  output: ParsedByline | undefined
}

/** Credit lines parseByline reads, and exactly what it reads from them. */
const credits: Fixture[] = [
  {n: 1, input: 'By Anna Smith', output: {authors: ['Anna Smith'], agencies: [], labelled: true}},
  {n: 2, input: 'by Anna Smith', output: {authors: ['Anna Smith'], agencies: [], labelled: true}},
  {n: 3, input: 'BY Anna Smith', output: {authors: ['Anna Smith'], agencies: [], labelled: true}},
  {
    n: 4,
    input: 'BY ANNA SMITH',
    output: {authors: ['ANNA SMITH'], agencies: [], labelled: true},
  },
  {n: 5, input: 'Anna Smith, with AFP', output: {authors: ['Anna Smith'], agencies: ['AFP']}},
  {n: 6, input: 'Anna Smith, With AFP', output: {authors: ['Anna Smith'], agencies: ['AFP']}},
  {n: 7, input: 'Anna Smith,  with AFP', output: {authors: ['Anna Smith'], agencies: ['AFP']}},
  {
    n: 8,
    input: 'Anna Smith with Reuters',
    output: {authors: ['Anna Smith'], agencies: ['Reuters']},
  },
  {
    n: 9,
    input: 'Anna Smith With Reuters',
    output: {authors: ['Anna Smith'], agencies: ['Reuters']},
  },
  {
    n: 10,
    input: 'Anna Smith WITH REUTERS',
    output: {authors: ['Anna Smith'], agencies: ['REUTERS']},
  },
  {
    n: 11,
    input: 'Anna Smith\twith Reuters',
    output: {authors: ['Anna Smith'], agencies: ['Reuters']},
  },
  {n: 12, input: 'Anna Smith with AP', output: {authors: ['Anna Smith'], agencies: ['AP']}},
  {
    n: 13,
    input: '  Anna Smith with Reuters.  ',
    output: {authors: ['Anna Smith'], agencies: ['Reuters']},
  },
  {
    n: 14,
    input: 'Anna Smith with Reuters',
    position: 'marked',
    output: {authors: ['Anna Smith'], agencies: ['Reuters']},
  },
  {
    n: 15,
    input: 'Anna Smith with AFP and Reuters',
    output: {authors: ['Anna Smith'], agencies: ['AFP', 'Reuters']},
  },
  {
    n: 16,
    input: 'Anna Smith and Ben Jones with AFP',
    output: {authors: ['Anna Smith', 'Ben Jones'], agencies: ['AFP']},
  },
  {
    n: 17,
    input: 'Anna Smith, Ben Jones and Chloé Martin with Reuters',
    output: {authors: ['Anna Smith', 'Ben Jones', 'Chloé Martin'], agencies: ['Reuters']},
  },
  {
    n: 18,
    input: 'Anna Smith, Ben Jones and Chloé Martin, with Reuters',
    output: {authors: ['Anna Smith', 'Ben Jones', 'Chloé Martin'], agencies: ['Reuters']},
  },
  {
    n: 19,
    input: 'By Anna Smith with Reuters',
    output: {authors: ['Anna Smith'], agencies: ['Reuters'], labelled: true},
  },
  {
    n: 20,
    input: 'By Anna Smith, with AFP',
    output: {authors: ['Anna Smith'], agencies: ['AFP'], labelled: true},
  },
  {
    n: 21,
    input: 'Anna Smith and Ben Jones',
    output: {authors: ['Anna Smith', 'Ben Jones'], agencies: []},
  },
  {
    n: 22,
    input: 'Anna Smith & Ben Jones',
    output: {authors: ['Anna Smith', 'Ben Jones'], agencies: []},
  },
  {
    n: 23,
    input: 'Anna Smith, Ben Jones and Chloé Martin',
    output: {authors: ['Anna Smith', 'Ben Jones', 'Chloé Martin'], agencies: []},
  },
  {
    n: 24,
    input: 'By Anna Smith, Ben Jones and Chloé Martin',
    output: {authors: ['Anna Smith', 'Ben Jones', 'Chloé Martin'], agencies: [], labelled: true},
  },
  {
    n: 25,
    input: 'Anna Smith / Ben Jones',
    position: 'marked',
    output: {authors: ['Anna Smith', 'Ben Jones'], agencies: [], labelled: true},
  },
  {n: 26, input: 'AFP', output: {authors: [], agencies: ['AFP']}},
  {n: 27, input: 'Reuters', output: {authors: [], agencies: ['Reuters']}},
  {n: 28, input: 'AP', output: {authors: [], agencies: ['AP']}},
  {n: 29, input: 'AFP', position: 'marked', output: {authors: [], agencies: ['AFP']}},
  {n: 30, input: 'reuters', output: {authors: [], agencies: ['reuters']}},
  {n: 31, input: 'REUTERS', output: {authors: [], agencies: ['REUTERS']}},
  {n: 32, input: 'Reuters.', output: {authors: [], agencies: ['Reuters']}},
  {n: 33, input: 'By AFP', output: {authors: [], agencies: ['AFP']}},
  {n: 34, input: 'With AFP', output: {authors: [], agencies: ['AFP']}},
  {n: 35, input: 'with Reuters', output: {authors: [], agencies: ['Reuters']}},
  {n: 36, input: 'AFP and Reuters', output: {authors: [], agencies: ['AFP', 'Reuters']}},
  {n: 37, input: 'AFP, Reuters', output: {authors: [], agencies: ['AFP', 'Reuters']}},
  {n: 38, input: 'AFP/Reuters', output: {authors: [], agencies: ['AFP', 'Reuters']}},
  {n: 39, input: '(AFP, Reuters)', output: {authors: [], agencies: ['AFP', 'Reuters']}},
  {n: 40, input: 'Anna Smith (AFP)', output: {authors: ['Anna Smith'], agencies: ['AFP']}},
  {n: 41, input: 'Anna Smith | Reuters', output: {authors: ['Anna Smith'], agencies: ['Reuters']}},
  {n: 42, input: 'Anna Smith - Reuters', output: {authors: ['Anna Smith'], agencies: ['Reuters']}},
  {
    n: 43,
    input: 'Anna Smith, AFP',
    output: {authors: ['Anna Smith'], agencies: ['AFP'], labelled: true},
  },
  {n: 44, input: 'Anna Smith avec AFP', output: {authors: ['Anna Smith'], agencies: ['AFP']}},
  {n: 45, input: 'Anna Smith con EFE', output: {authors: ['Anna Smith'], agencies: ['EFE']}},
  {n: 46, input: 'Anna Smith mit dpa', output: {authors: ['Anna Smith'], agencies: ['dpa']}},
  {n: 47, input: 'Anna Smith via AFP', output: {authors: ['Anna Smith'], agencies: ['AFP']}},
  {
    n: 48,
    input: 'Par Anne Martin et Paul Durand, avec AFP',
    output: {authors: ['Anne Martin', 'Paul Durand'], agencies: ['AFP'], labelled: true},
  },
  {
    n: 49,
    input: 'Von Anna Schmidt und Ben Müller, mit Material von dpa',
    output: {authors: ['Anna Schmidt', 'Ben Müller'], agencies: ['dpa'], labelled: true},
  },
  {n: 50, input: 'Anna Smith', output: {authors: ['Anna Smith'], agencies: []}},
  {n: 51, input: 'Anna Smith', position: 'top', output: {authors: ['Anna Smith'], agencies: []}},
  {
    n: 52,
    input: 'Reporting by Anna Smith; Editing by Ben Jones',
    output: {authors: ['Anna Smith'], agencies: [], labelled: true},
  },
  {
    n: 53,
    input: 'Anna Smith contributed to this report.',
    output: {authors: ['Anna Smith'], agencies: [], labelled: true},
  },
  {
    n: 54,
    input: 'Source: Al Jazeera',
    output: {authors: [], agencies: ['Al Jazeera'], labelled: true},
  },
]

/** Lines that are not credits: prose that mentions an agency, and names where none may stand. */
const notCredits: Fixture[] = [
  {n: 1, input: 'She spoke with Reuters', output: undefined},
  {n: 2, input: 'The minister spoke with Reuters on Tuesday.', output: undefined},
  {n: 3, input: 'He said in an interview with Reuters', output: undefined},
  {n: 4, input: 'The talks ended with AFP', output: undefined},
  {n: 5, input: 'Together with Reuters', output: undefined},
  {n: 6, input: 'Breakfast with AFP', output: undefined},
  {n: 7, input: 'Anna with Reuters', output: undefined},
  {n: 8, input: 'Anna Smith with friends', output: undefined},
  {n: 9, input: 'Anna Smith with Ben Jones', output: undefined},
  {n: 10, input: 'Anna Smith with The Guardian', output: undefined},
  {n: 11, input: 'Anna Smith with Reuters and friends', output: undefined},
  {n: 12, input: 'Anna Smith: with AFP', output: undefined},
  {n: 13, input: 'Tea with friends', output: undefined},
  {n: 14, input: 'The report was published by Reuters.', output: undefined},
  {n: 15, input: 'The figures were confirmed by Reuters', output: undefined},
  {n: 16, input: 'Shares fell after the news, according to Reuters.', output: undefined},
  {n: 17, input: 'Protests continued in Paris, AFP reported.', output: undefined},
  {n: 18, input: 'Officials told Reuters', output: undefined},
  {n: 19, input: 'He told AFP.', output: undefined},
  {n: 20, input: 'Prices rose, said AFP', output: undefined},
  {n: 21, input: 'Anna Smith', position: 'marked', output: undefined},
  {n: 22, input: 'Anna Smith and Ben Jones', position: 'marked', output: undefined},
  {n: 23, input: 'Anna and Ben', position: 'top', output: undefined},
  {n: 24, input: 'Anna', output: undefined},
  {n: 25, input: 'Anna Smith.', output: undefined},
  {n: 26, input: 'ANNA SMITH', output: undefined},
  {n: 27, input: '', output: undefined},
  {n: 28, input: '   ', output: undefined},
]

describe('parseByline', () => {
  test.each(credits)('parseByline: $n reads $input', ({input, position, output}) => {
    expect(parseByline(input, position)).toStrictEqual(output)
  })

  test.each(notCredits)('parseByline: $n leaves $input as text', ({input, position, output}) => {
    expect(parseByline(input, position)).toStrictEqual(output)
  })
})
