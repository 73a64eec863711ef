import {expect, test} from 'vitest'

import {deriveTitle} from '../importer/structure/deriveTitle'

test.each([
  {n: 1, input: 'The storm closed every port.', output: 'The storm closed every port'},
  {n: 2, input: 'Ports shut. Ferries stopped.', output: 'Ports shut'},
  {n: 3, input: '  Ports shut.  ', output: 'Ports shut'},
  {n: 4, input: '台风关闭了所有港口。渡轮停航。', output: '台风关闭了所有港口'},
  {
    n: 5,
    input:
      'Officials in the coastal towns said on Tuesday that the storm had closed every port along the northern coast for two days',
    output:
      'Officials in the coastal towns said on Tuesday that the storm had closed every port along the…',
  },
  {
    // The stop of an abbreviation the cut ends on stays: `U.S.…`, not `U.S…`.
    n: 6,
    input:
      'Ministers from nine countries met on Tuesday in Brussels to agree on new sanctions with the U.S. and its allies',
    output:
      'Ministers from nine countries met on Tuesday in Brussels to agree on new sanctions with the U.S.…',
  },
])('deriveTitle: $n derives a headline from $input', ({input, output}) => {
  expect(deriveTitle(input)).toBe(output)
})
