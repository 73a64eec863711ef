import {expect, test} from 'vitest'

import {checkTargets} from '../bench/checkTargets'

const row = (tool: string, articles: number, medianSeconds: number, peakRssMb = 200) => ({
  tool,
  articles,
  medianSeconds,
  peakRssMb,
})

const validationFixtures: {
  n: number
  input: ReturnType<typeof row>[]
  output: [string, boolean][]
}[] = [
  {
    n: 1,
    input: [
      row('newsroom --skip-validation', 1000, 4),
      row('newsroom', 1000, 5),
      row('@sanity/import', 1000, 5.5),
    ],
    output: [
      ['newsroom at 1000: 1.25× the --skip-validation import (target ≤ 1.3×)', true],
      ['newsroom at 1000: 1.1× as fast as @sanity/import (target ≥ 1×)', true],
    ],
  },
  {
    n: 2,
    input: [
      row('newsroom --skip-validation', 100000, 100),
      row('newsroom', 100000, 140),
      row('@sanity/import', 100000, 386),
    ],
    output: [
      ['newsroom at 100000: 1.40× the --skip-validation import (target ≤ 1.3×)', false],
      ['newsroom at 100000: 2.8× as fast as @sanity/import (target ≥ 5×)', false],
    ],
  },
  // Without a validated row there is nothing to compare.
  {
    n: 3,
    input: [row('newsroom --skip-validation', 1000, 4), row('@sanity/import', 1000, 5)],
    output: [],
  },
]

test.each(validationFixtures)('checkTargets: validated import $n', ({input, output}) => {
  const checks = checkTargets({conversion: [], imports: input, queries: [], fidelity: []})
  const validation = checks.filter(
    ({description}) => description.includes('×') && !description.includes('per 10×'),
  )
  expect(validation.map(({description, met}) => [description, met])).toEqual(output)
})
