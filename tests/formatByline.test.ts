import {describe, expect, test} from 'vitest'

import {formatByline} from '../schemas/formatByline'

const fixtures = [
  {
    n: 1,
    input: {authors: ['Florent Vergnes'], agencies: ['AFP']},
    output: 'Florent Vergnes, with AFP',
  },
  {n: 2, input: {authors: ['Anna Smith', 'Ben Jones']}, output: 'Anna Smith and Ben Jones'},
  {
    n: 3,
    input: {authors: ['Anna Smith', 'Ben Jones', 'Chloé Martin'], agencies: ['Reuters']},
    output: 'Anna Smith, Ben Jones and Chloé Martin, with Reuters',
  },
  {n: 4, input: {agencies: ['AFP']}, output: 'AFP'},
  {n: 5, input: {authors: ['Anna Smith']}, output: 'Anna Smith'},
  {n: 6, input: {agencies: ['AFP', 'Reuters']}, output: 'AFP and Reuters'},
  {
    n: 7,
    input: {authors: ['Anna Smith'], agencies: ['AFP', 'dpa']},
    output: 'Anna Smith, with AFP and dpa',
  },
  {
    n: 8,
    input: {authors: ['Ludwig van Beethoven', 'Charles de Gaulle', 'Rafael del Pino']},
    output: 'Ludwig van Beethoven, Charles de Gaulle and Rafael del Pino',
  },
  {
    n: 9,
    input: {authors: ['Олена Петренко', '王小明'], agencies: ['AFP']},
    output: 'Олена Петренко and 王小明, with AFP',
  },
  {
    n: 10,
    input: {authors: ['Zoë Ó Súilleabháin', 'محمد علي']},
    output: 'Zoë Ó Súilleabháin and محمد علي',
  },
  {
    n: 11,
    input: {authors: ['  Anna Smith ', '', null, undefined], agencies: [' AFP']},
    output: 'Anna Smith, with AFP',
  },
  {n: 12, input: {}, output: ''},
  {n: 13, input: {authors: null, agencies: null}, output: ''},
]

describe('formatByline', () => {
  test.each(fixtures)('formatByline: $n prints "$output"', ({input, output}) => {
    expect(formatByline(input)).toBe(output)
  })
})
