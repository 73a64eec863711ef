import {basename, extname} from 'node:path'

import fc from 'fast-check'
import {expect, test} from 'vitest'

import {fileExtension, fileStem} from '../importer/shared/fileName'

test.each([
  {n: 1, input: 'kursk-advance.txt', output: {extension: '.txt', stem: 'kursk-advance'}},
  {n: 2, input: 'seeds/kursk-advance.txt', output: {extension: '.txt', stem: 'kursk-advance'}},
  {n: 3, input: 'notes/a.b.MD', output: {extension: '.MD', stem: 'a.b'}},
  {n: 4, input: 'README', output: {extension: '', stem: 'README'}},
  {n: 5, input: '.profile', output: {extension: '', stem: '.profile'}},
  {n: 6, input: 'a.', output: {extension: '.', stem: 'a'}},
  {n: 7, input: '..', output: {extension: '', stem: '..'}},
  {n: 8, input: '...md', output: {extension: '.md', stem: '..'}},
  {n: 9, input: 'dir.d/file', output: {extension: '', stem: 'file'}},
  {n: 10, input: 'dir/a.txt/', output: {extension: '.txt', stem: 'a'}},
])('fileExtension, fileStem: $n read $input', ({input, output}) => {
  expect({extension: fileExtension(input), stem: fileStem(input)}).toStrictEqual(output)
})

test('fileExtension, fileStem: read any path as node:path does', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[a./ é]{0,10}$/), (path) => {
      expect(fileExtension(path)).toBe(extname(path))
      expect(fileStem(path)).toBe(basename(path, extname(path)))
    }),
    {numRuns: 5000},
  )
})
