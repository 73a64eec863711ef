import fc from 'fast-check'
import {expect, test} from 'vitest'
import {parseDocument} from 'yaml'

import {parseFlatYaml} from '../importer/read/parseFlatYaml'

test.each([
  {input: 'title: Kursk advance\nslug: kursk', output: {title: 'Kursk advance', slug: 'kursk'}},
  {input: 'title: "Pressure: day 1"', output: {title: 'Pressure: day 1'}},
  {input: 'title: \'He said "no"\'', output: {title: 'He said "no"'}},
  {input: 'publishedAt: 2024-01-01T08:00:00Z', output: {publishedAt: '2024-01-01T08:00:00Z'}},
  {input: '# from the desk\n\nstandfirst:   \nid: a-1  ', output: {standfirst: null, id: 'a-1'}},
  {input: '', output: {}},
])('parseFlatYaml: reads flat front matter %#', ({input, output}) => {
  expect(parseFlatYaml(input)).toEqual(output)
})

test.each([
  'title: 2024',
  'title: true',
  'title: ~',
  'title: .inf',
  'authors: [A, B]',
  'authors:\n  - A',
  'title: Note #1',
  'title: a: b',
  'title: "say \\"hi\\""',
  'title: a\ntitle: b',
  'title:\tKursk',
  '  title: Kursk',
])('parseFlatYaml: leaves %j to the YAML parser', (input) => {
  expect(parseFlatYaml(input)).toBeUndefined()
})

test('parseFlatYaml: whatever it reads, YAML reads the same', () => {
  // Mostly words, with YAML's syntax characters mixed in.
  const character = fc.oneof(
    {arbitrary: fc.constantFrom(...'aZé09 '), weight: 6},
    {arbitrary: fc.constantFrom(...'-_.:#"\'[]{},&*!|>%@`~+\t\\'), weight: 1},
  )
  const text = fc.array(character, {maxLength: 12}).map((characters) => characters.join(''))
  const key = fc.constantFrom('title: ', 'slug:  ', 'id:', '# note', '')
  const quote = fc.constantFrom('"', "'")
  const line = fc.oneof(
    {arbitrary: fc.tuple(key, text).map(([start, value]) => start + value), weight: 4},
    {
      arbitrary: fc.tuple(key, quote, text).map(([start, q, value]) => start + q + value + q),
      weight: 2,
    },
    {arbitrary: text, weight: 1},
  )
  fc.assert(
    fc.property(fc.array(line, {maxLength: 4}), (lines) => {
      const yaml = lines.join('\n')
      const flat = parseFlatYaml(yaml)
      fc.pre(flat !== undefined)
      const document = parseDocument(yaml)
      expect(document.errors).toEqual([])
      expect(flat).toEqual(document.toJS() ?? {})
    }),
    {numRuns: 10000},
  )
})

// With `/ +$/`, as it once was, the spaces were retried from every place in the run: 30 s.
test('parseFlatYaml: a value with 300,000 spaces inside is read in one pass, its closing spaces cut', () => {
  const value = `a${' '.repeat(300_000)}b`
  expect(parseFlatYaml(`title: ${value}   \nslug: kyiv`)).toEqual({title: value, slug: 'kyiv'})
})
