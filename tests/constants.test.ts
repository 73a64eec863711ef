import {describe, expect, test} from 'vitest'

import {isAllowedHref} from '../schemas/constants'

describe('isAllowedHref', () => {
  test.each([
    ['https://example.com/a?b=c', true],
    ['HTTP://EXAMPLE.COM', true],
    ['mailto:desk@example.com', true],
    ['javascript:alert(1)', false],
    ['JavaScript://%0aalert(1)', false],
    ['data:text/html,<b>x</b>', false],
    ['tel:+4420', false],
    ['/relative/path', false],
    ['https:example.com', false],
    ['', false],
  ])('isAllowedHref: %s → %s', (href, allowed) => {
    expect(isAllowedHref(href)).toBe(allowed)
  })
})
