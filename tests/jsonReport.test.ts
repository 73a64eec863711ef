import {expect, test} from 'vitest'

import {jsonReport, type OutcomeSummary} from '../importer/cli/report'

const header = {
  target: 'data/production.ndjson (with [brackets])',
  dryRun: false,
  written: true,
  totals: {created: 1, updated: 0, unchanged: 0, review: 0, kept: 0, failed: 1},
}
const created: OutcomeSummary = {
  file: 'a.txt',
  status: 'created',
  articleId: 'article-a',
  sections: ['Lead', null],
  notes: ['headline derived from the lead, review it: "A"'],
  errors: [],
}
const failed: OutcomeSummary = {file: 'b "2".txt', status: 'failed', notes: [], errors: ['empty']}

async function* from<T>(items: T[]): AsyncGenerator<T> {
  yield* items
}

test.each([{files: []}, {files: [created]}, {files: [created, failed]}])(
  'jsonReport: prints what JSON.stringify prints, for $files.length files',
  async ({files}) => {
    const pieces: string[] = []
    for await (const piece of jsonReport(header, from(files))) pieces.push(piece)
    expect(pieces.join('\n')).toBe(JSON.stringify({...header, files}, null, 2))
  },
)
