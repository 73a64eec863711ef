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
  ['a\u00a0b', 'a-b'],
  ['‘Quoted’ “words”', 'quoted-words'],
  ['C:\\Users\\me', 'c-users-me'],
  ['x[1]', 'x-1'],
  ['x^2 - y^2', 'x-2-y-2'],
  ['-well-known-', 'well-known'],
  // Nothing to spell: the short hash, as `printf '%s' '!!!' | sha256sum` gives it.
  ['!!!', 'e84c538e7fe2'],
  // No Latin transliteration: the short hash, as `printf '%s' '北京' | sha256sum` gives it.
  ['北京', '68c77e155132'],
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
