import {readFile} from 'node:fs/promises'

import {expect, test} from 'vitest'

import {pastedFileName, readWireCopy} from '../plugins/newsroom/wireCopy/readWireCopy'

const NOW = new Date('2026-03-02T09:30:00.000Z')
const SEED = new URL('../seeds/kursk-advance.txt', import.meta.url)

test('readWireCopy: sums up the seed as an editor checks it', async () => {
  const read = readWireCopy({name: 'kursk-advance.txt', text: await readFile(SEED, 'utf8')}, NOW)
  expect('summary' in read && read.summary).toStrictEqual({
    title: expect.stringMatching(/^Ukraine claimed on Friday/),
    sections: [
      {heading: 'Lead', paragraphs: 7},
      {heading: 'Refugee Flows', paragraphs: 4},
      {heading: 'Russian Pressure in the East', paragraphs: 5},
    ],
    credit: 'Florent Vergnes, with AFP',
    newsletter: 'Subscribe to our newsletter',
    notes: [
      expect.stringMatching(/^headline derived from the lead/),
      expect.stringMatching(/^newsletter promo moved into a signup block/),
    ],
  })
})

test('readWireCopy: the editor’s headline replaces the one found', () => {
  const read = readWireCopy(
    {
      name: 'storm.txt',
      text: 'The storm closed every port.\n\nBy Anna Smith\n',
      title: 'Ports shut',
    },
    NOW,
  )
  expect('summary' in read && read.summary).toMatchObject({title: 'Ports shut', notes: []})
})

test.each([
  {n: 1, text: '   \n\n', error: 'storm.txt: file is empty or only whitespace'},
  {n: 2, text: 'a\u0000b', error: 'storm.txt (byte 1): NUL byte: this is a binary file, not text'},
])('readWireCopy: $n gives the importer’s error for what is no article', ({text, error}) => {
  expect(readWireCopy({name: 'storm.txt', text}, NOW)).toStrictEqual({error})
})

test.each([
  {
    n: 1,
    text: 'Storm closes ports\n\nThe storm closed every port.\n',
    output: 'storm-closes-ports.txt',
  },
  {
    n: 2,
    text: '# Storm closes ports\n\nThe storm closed every port.\n',
    output: 'storm-closes-ports.md',
  },
  {
    n: 3,
    text: 'The storm closed [every port](https://example.com).\n',
    output: 'the-storm-closed-every-port.md',
  },
  {n: 4, text: 'Ports\n\n- Calais\n- Dover\n', output: 'ports.md'},
  {n: 5, text: '  \n', output: 'pasted.txt'},
])('pastedFileName: $n names $text', ({text, output}) => {
  expect(pastedFileName(text)).toBe(output)
})
