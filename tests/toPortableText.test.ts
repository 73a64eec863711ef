import {createHash} from 'node:crypto'

import {describe, expect, test} from 'vitest'

import {toPortableText} from '../importer/documents/toPortableText'
import type {TextBlock} from '../importer/parse/TextBlock'
import {ContentKeys} from '../importer/shared/contentKey'

/** A key as the README defines it: the first 12 hex digits of the SHA-256 of what it keys. */
const key = (seed: string) => createHash('sha256').update(seed).digest('hex').slice(0, 12)

const block = (spans: TextBlock['spans'], rest: Partial<TextBlock> = {}): TextBlock => ({
  style: 'normal',
  spans,
  links: [],
  ...rest,
})

const fixtures: {n: number; name: string; input: TextBlock[]; output: unknown[]}[] = [
  {
    n: 1,
    name: 'a paragraph: one span, keyed by its text',
    input: [block([{text: 'Water rose.', marks: []}])],
    output: [
      {
        _key: key('Water rose.'),
        _type: 'block',
        children: [{_key: key('Water rose.'), _type: 'span', marks: [], text: 'Water rose.'}],
        markDefs: [],
        style: 'normal',
      },
    ],
  },
  {
    n: 2,
    name: 'adjacent spans with the same marks merge; others stay apart',
    input: [
      block([
        {text: 'Water ', marks: []},
        {text: 'rose', marks: []},
        {text: ' fast', marks: ['strong']},
        {text: ' today', marks: ['strong']},
        {text: '.', marks: []},
      ]),
    ],
    output: [
      {
        _key: key('Water rose fast today.'),
        _type: 'block',
        children: [
          {_key: key('Water rose'), _type: 'span', marks: [], text: 'Water rose'},
          {_key: key(' fast today'), _type: 'span', marks: ['strong'], text: ' fast today'},
          {_key: key('.'), _type: 'span', marks: [], text: '.'},
        ],
        markDefs: [],
        style: 'normal',
      },
    ],
  },
  {
    n: 3,
    name: 'a link: its definition, the span marked with its key',
    input: [
      block(
        [
          {text: 'See ', marks: []},
          {text: 'the map', marks: ['l1']},
        ],
        {links: [{key: 'l1', href: 'https://example.com/map'}]},
      ),
    ],
    output: [
      {
        _key: key('See the map'),
        _type: 'block',
        children: [
          {_key: key('See '), _type: 'span', marks: [], text: 'See '},
          {_key: key('the map'), _type: 'span', marks: ['l1'], text: 'the map'},
        ],
        markDefs: [{_key: 'l1', _type: 'link', href: 'https://example.com/map'}],
        style: 'normal',
      },
    ],
  },
  {
    n: 4,
    name: 'a list item and a quote keep their kind; a deep heading is h3',
    input: [
      block([{text: 'One', marks: []}], {listItem: 'number'}),
      block([{text: 'Said', marks: []}], {style: 'blockquote'}),
      block([{text: 'Deep', marks: []}], {style: 'h4'}),
    ],
    output: [
      {
        _key: key('One'),
        _type: 'block',
        children: [{_key: key('One'), _type: 'span', marks: [], text: 'One'}],
        level: 1,
        listItem: 'number',
        markDefs: [],
        style: 'normal',
      },
      {
        _key: key('Said'),
        _type: 'block',
        children: [{_key: key('Said'), _type: 'span', marks: [], text: 'Said'}],
        markDefs: [],
        style: 'blockquote',
      },
      {
        _key: key('Deep'),
        _type: 'block',
        children: [{_key: key('Deep'), _type: 'span', marks: [], text: 'Deep'}],
        markDefs: [],
        style: 'h3',
      },
    ],
  },
  {
    n: 5,
    name: 'the same paragraph twice: the second key counts it',
    input: [block([{text: 'Again.', marks: []}]), block([{text: 'Again.', marks: []}])],
    output: [
      {
        _key: key('Again.'),
        _type: 'block',
        children: [{_key: key('Again.'), _type: 'span', marks: [], text: 'Again.'}],
        markDefs: [],
        style: 'normal',
      },
      {
        _key: key('Again.#2'),
        _type: 'block',
        children: [{_key: key('Again.'), _type: 'span', marks: [], text: 'Again.'}],
        markDefs: [],
        style: 'normal',
      },
    ],
  },
]

describe('toPortableText', () => {
  test.each(fixtures)('toPortableText: $n $name', ({input, output}) => {
    expect(toPortableText(input, new ContentKeys())).toStrictEqual(output)
  })

  test('toPortableText: merging spans leaves the parsed blocks as they were', () => {
    const input = [
      block([
        {text: 'a', marks: ['em']},
        {text: 'b', marks: ['em']},
      ]),
    ]
    toPortableText(input, new ContentKeys())
    expect(input[0]?.spans).toEqual([
      {text: 'a', marks: ['em']},
      {text: 'b', marks: ['em']},
    ])
  })

  test('toPortableText: each span gets a marks array of its own, not the parsed one', () => {
    const spans = [
      {text: 'a', marks: ['em']},
      {text: 'b', marks: ['strong']},
    ]
    const [portable] = toPortableText([block(spans)], new ContentKeys())
    const children = portable?.children ?? []
    expect(children.map((child) => child.marks)).toEqual([['em'], ['strong']])
    expect(children.map((child, index) => child.marks === spans[index]?.marks)).toEqual([
      false,
      false,
    ])
  })
})
