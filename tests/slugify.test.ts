import fc from 'fast-check'
import getSlug from 'speakingurl'
import {expect, test} from 'vitest'

import {PLAIN_PUNCTUATION, slugify} from '../importer/documents/slugify'

const PLAIN_ALPHABET = [...'aZ09 ', ...PLAIN_PUNCTUATION]

test.each([...PLAIN_PUNCTUATION])('slugify: speakingurl separates words at %j', (character) => {
  expect(getSlug(`a${character}b`, {truncate: 96, symbols: true})).toBe('a-b')
})

test('slugify: plain text gives exactly what speakingurl gives, cuts included', () => {
  const plainText = fc.array(fc.constantFrom(...PLAIN_ALPHABET), {maxLength: 120})
  fc.assert(
    fc.property(plainText, fc.integer({min: 2, max: 100}), (characters, maxLength) => {
      const text = characters.join('')
      const expected = getSlug(text, {truncate: maxLength, symbols: true})
      fc.pre(expected !== '')
      expect(slugify(text, maxLength)).toBe(expected)
    }),
    {numRuns: 3000},
  )
})

test.each([
  ['Ukraine’s “fair” talks: day 3', 'ukraine-s-fair-talks-day-3'],
  ['Chloé Martin', 'chloe-martin'],
  ['Олена Петренко', 'olena-petrenko'],
  ['Fish & Chips', 'fish-and-chips'],
])('slugify: reads %j as %j', (text, slug) => {
  expect(slugify(text)).toBe(slug)
})

test('slugify: one text cut to two lengths gets each its own slug, whichever comes first', () => {
  const text = 'Олена Петренко-Коваленко'
  const short = getSlug(text, {truncate: 12, symbols: true})
  const long = getSlug(text, {truncate: 96, symbols: true})
  expect([short, long]).toEqual(['olena', 'olena-petrenko-kovalenko'])
  expect([slugify(text, 12), slugify(text), slugify(text, 12)]).toEqual([short, long, short])
})
