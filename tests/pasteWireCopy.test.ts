import {toPlainText} from '@portabletext/toolkit'
import {expect, test} from 'vitest'

import {pastedTextBlocks} from '../plugins/newsroom/pasteWireCopy'

function counter(): () => string {
  let count = 0
  return () => `pasted${++count}`
}

test.each([
  {
    n: 1,
    name: 'three paragraphs as three blocks',
    input: 'First paragraph.\n\nSecond paragraph.\n\nThird paragraph.',
    output: [
      {style: 'normal', text: 'First paragraph.'},
      {style: 'normal', text: 'Second paragraph.'},
      {style: 'normal', text: 'Third paragraph.'},
    ],
  },
  {
    n: 2,
    name: 'Windows line endings and soft wraps as the importer reads them',
    input: 'One line\r\nwrapped.\r\n\r\nTwo.',
    output: [
      {style: 'normal', text: 'One line wrapped.'},
      {style: 'normal', text: 'Two.'},
    ],
  },
  {
    n: 3,
    name: 'bullets, numbers and quotes',
    input: '- Calais\n- Dover\n\n1. First\n2. Second\n\n> “We will reopen.”',
    output: [
      {style: 'normal', listItem: 'bullet', text: 'Calais'},
      {style: 'normal', listItem: 'bullet', text: 'Dover'},
      {style: 'normal', listItem: 'number', text: 'First'},
      {style: 'normal', listItem: 'number', text: 'Second'},
      {style: 'blockquote', text: '“We will reopen.”'},
    ],
  },
  {
    n: 4,
    name: 'a Markdown heading as a subheading',
    input: '## Ports\n\nThey reopen.',
    output: [
      {style: 'h3', text: 'Ports'},
      {style: 'normal', text: 'They reopen.'},
    ],
  },
])('pastedTextBlocks: $n reads $name', ({input, output}) => {
  const blocks = pastedTextBlocks(input, counter()) ?? []
  expect(
    blocks.map((block) => ({
      style: block.style,
      ...(block.listItem ? {listItem: block.listItem} : {}),
      text: toPlainText([block]),
    })),
  ).toStrictEqual(output)
  expect(blocks.map((block) => block._key)).toStrictEqual(
    output.map((_, index) => `pasted${index + 1}`),
  )
})

test('pastedTextBlocks: an address becomes a link, as the importer makes it', () => {
  const [block] = pastedTextBlocks('See https://example.com/ports today.\n\nMore.', counter()) ?? []
  expect(block?.markDefs).toStrictEqual([
    {_key: expect.any(String), _type: 'link', href: 'https://example.com/ports'},
  ])
  expect(
    block?.children?.find((span) => span.text === 'https://example.com/ports')?.marks,
  ).toStrictEqual([block?.markDefs?.[0]?._key])
})

test.each([
  {n: 1, input: 'One line, pasted at the caret.'},
  {n: 2, input: '  One line with spaces around.\n\n'},
  {n: 3, input: ''},
])('pastedTextBlocks: $n leaves one line to the editor’s own paste', ({input}) => {
  expect(pastedTextBlocks(input, counter())).toBeUndefined()
})

test('pastedTextBlocks: every paste gets keys of its own', () => {
  const text = 'Same paragraph.\n\nSame paragraph.'
  const keys = [...(pastedTextBlocks(text) ?? []), ...(pastedTextBlocks(text) ?? [])].map(
    (block) => block._key,
  )
  expect(new Set(keys).size).toBe(4)
  for (const key of keys) expect(key).toMatch(/^[0-9a-f]{12}$/)
})
