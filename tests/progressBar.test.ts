import {expect, test} from 'vitest'

import {progressBar} from '../importer/cli/progressBar'

test('progressBar: redraws at most every 100 ms, and always at the last file', () => {
  const drawn: string[] = []
  let time = 0
  const bar = progressBar(
    (text) => drawn.push(text),
    () => time,
  )
  for (let file = 1; file <= 1000; file++) {
    time = file // one file a millisecond
    bar.update(file, 1000)
  }
  bar.done()
  expect(drawn).toHaveLength(1 + 10 + 1) // file 1, every 100 ms, the clear
  expect(drawn[0]).toBe(`\r[${'-'.repeat(30)}] 1/1000 files`)
  expect(drawn.at(-2)).toBe(`\r[${'#'.repeat(30)}] 1000/1000 files`)
  expect(drawn.at(-1)).toBe('\r\u001b[2K')
})
