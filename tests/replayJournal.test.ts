import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import type {SanityDocument} from '@sanity/client'
import fc from 'fast-check'
import {beforeEach, describe, expect, test} from 'vitest'

import {Utf8Builder} from '../dataset'
import {
  applyJournalEntry,
  encodeJournalLine,
  isJournalEntry,
  type JournalEntry,
  stampedJson,
} from '../lake/store/journalEntry'
import {replayJournal} from '../lake/store/replayJournal'

let journal: string

beforeEach(async () => {
  journal = join(await mkdtemp(join(tmpdir(), 'newsroom-replay-')), 'production.ndjson.journal')
})

function article(n: number): SanityDocument {
  return {
    _id: `article-${n}`,
    _type: 'article',
    _rev: `tx-${n}`,
    _createdAt: '2024-08-17T00:00:00Z',
    _updatedAt: '2024-08-17T00:00:00Z',
    title: `Report nº ${n} — Олена 📰`,
  }
}

/** A journal line (with its newline): the transaction writes these documents, null deletes. */
function line(n: number, documents: [string, SanityDocument | null][]): string {
  const entry: JournalEntry = {
    transactionId: `tx-${n}`,
    timestamp: '2024-08-17T00:00:00Z',
    documents: documents.map(([id, after]) => ({id, after})),
  }
  return `${JSON.stringify(entry)}\n`
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8')

describe('isJournalEntry', () => {
  test.each<{n: number; input: unknown; output: boolean}>([
    {n: 1, input: {transactionId: 'tx', timestamp: 't', documents: []}, output: true},
    {n: 2, input: {transactionId: 'tx', documents: [{id: 'a', after: null}]}, output: true},
    {n: 3, input: null, output: false},
    {n: 4, input: 5, output: false},
    {n: 5, input: 'transactionId documents', output: false},
    {n: 6, input: true, output: false},
    {n: 7, input: undefined, output: false},
    {n: 8, input: {documents: []}, output: false},
    {n: 9, input: {transactionId: 'tx'}, output: false},
    {n: 10, input: {transactionId: 'tx', documents: {}}, output: false},
  ])('isJournalEntry: case $n is $output', ({input, output}) => {
    expect(isJournalEntry(input)).toBe(output)
  })
})

describe('applyJournalEntry', () => {
  test('applyJournalEntry: sets each document to its state after, deleting the nulls', () => {
    const documents = new Map([
      ['article-1', article(1)],
      ['article-2', article(2)],
    ])
    const changed = {...article(1), title: 'Changed'}
    applyJournalEntry(
      {
        transactionId: 'tx-9',
        timestamp: '2024-08-17T00:00:00Z',
        documents: [
          {id: 'article-1', after: changed},
          {id: 'article-2', after: null},
          {id: 'article-3', after: article(3)},
          {id: 'article-4', after: null},
        ],
      },
      documents,
    )
    expect([...documents]).toEqual([
      ['article-1', changed],
      ['article-3', article(3)],
    ])
  })
})

describe('encodeJournalLine', () => {
  test('encodeJournalLine: is JSON.stringify(entry) and a newline, in UTF-8', () => {
    const builder = new Utf8Builder(256)
    const document = fc.record({
      _id: fc.string({minLength: 1}),
      _type: fc.string({minLength: 1}),
      _rev: fc.string(),
      _createdAt: fc.constant('2024-08-17T00:00:00Z'),
      _updatedAt: fc.constant('2024-08-17T00:00:00Z'),
      title: fc.string({unit: 'binary'}),
      body: fc.array(fc.string({unit: 'grapheme', maxLength: 200})),
    })
    const entry = fc.record({
      transactionId: fc.string({unit: 'binary'}),
      timestamp: fc.constant('2024-08-17T00:00:00.000Z'),
      documents: fc.array(fc.record({id: fc.string(), after: fc.option(document)})),
    })
    fc.assert(
      fc.property(entry, (value) => {
        const expected = Buffer.from(`${JSON.stringify(value)}\n`)
        expect(encodeJournalLine(value, builder)).toEqual(expected)
        expect(isJournalEntry(JSON.parse(expected.toString()))).toBe(true)
      }),
      {seed: 20261201},
    )
  })

  test('encodeJournalLine: names where each written document lies in the line, deletions not', () => {
    const builder = new Utf8Builder(64)
    const entry: JournalEntry = {
      transactionId: 'tx-1',
      timestamp: '2024-08-17T00:00:00Z',
      documents: [
        {id: 'article-1', after: article(1)},
        {id: 'article-2', after: null},
        {id: 'article-3', after: {...article(3), title: 'Zoë “quoted” \\ 📰'}},
      ],
    }
    const ranges: [string, number, number][] = []
    const bytes = encodeJournalLine(entry, builder, (id, start, end) =>
      ranges.push([id, start, end]),
    )
    expect(ranges.map(([id]) => id)).toEqual(['article-1', 'article-3'])
    for (const [id, start, end] of ranges) {
      const after = entry.documents.find((document) => document.id === id)?.after
      expect(bytes.subarray(start, end).toString()).toBe(JSON.stringify(after))
    }
  })
})

describe('stampedJson', () => {
  const after = {
    _id: 'article-1',
    _type: 'article',
    title: 'Été',
    _createdAt: '2024-08-17T00:00:00Z',
    _updatedAt: '2024-08-18T00:00:00Z',
    _rev: 'tx-2',
  }
  const {_createdAt, _updatedAt, _rev, ...body} = after
  const utf8 = (text: string) => Buffer.from(text)

  test('stampedJson: the received bytes and the stamps parse to the document, keys in its order', () => {
    const received = utf8('{"_id":"article-1", "_type":"article","title":"\\u00c9t\\u00e9"}')
    const pieces = stampedJson(received, body, after) ?? []
    const json = Buffer.concat(pieces).toString()
    expect(json).toBe(
      '{"_id":"article-1", "_type":"article","title":"\\u00c9t\\u00e9","_createdAt":"2024-08-17T00:00:00Z","_updatedAt":"2024-08-18T00:00:00Z","_rev":"tx-2"}',
    )
    expect(Object.entries(JSON.parse(json))).toEqual(Object.entries(after))
    const builder = new Utf8Builder(64)
    const entry = {
      transactionId: 'tx-2',
      timestamp: _updatedAt,
      documents: [{id: 'article-1', after}],
    }
    const ranges: [number, number][] = []
    const line = encodeJournalLine(
      {...entry, documents: [{id: 'article-1', after, json: pieces}]},
      builder,
      (_, start, end) => ranges.push([start, end]),
    )
    expect(JSON.parse(line.toString())).toEqual(entry)
    expect(ranges.map(([start, end]) => line.subarray(start, end).toString())).toEqual([json])
  })

  test.each([
    {
      n: 1,
      why: 'a line feed',
      received: '{"_id":"article-1",\n"_type":"article","title":"Été"}',
      of: body,
    },
    {
      n: 2,
      why: 'a stamp of its own',
      received: '{"_id":"article-1","_rev":"x"}',
      of: {...body, _rev: 'x'},
    },
    {n: 3, why: 'no _id', received: '{"_type":"article"}', of: {_type: 'article'}},
    {n: 4, why: 'no closing brace', received: '["article-1"]', of: body},
  ])('stampedJson: $n leaves a body with $why to be serialised', ({received, of}) => {
    expect(stampedJson(utf8(received), of, after)).toBeUndefined()
  })
})

describe('replayJournal', () => {
  test('replayJournal: applies every whole entry in order and ends where the last one does', async () => {
    const text =
      line(1, [['article-1', article(1)]]) +
      line(2, [
        ['article-2', article(2)],
        ['article-1', null],
      ]) +
      line(3, [['article-3', article(3)]])
    await writeFile(journal, text)
    for (const chunkSize of [7, 1 << 20]) {
      const documents = new Map([['article-0', article(0)]])
      expect(await replayJournal(journal, documents, {chunkSize})).toEqual({
        transactions: 3,
        wholeBytes: bytes(text),
        tornLine: undefined,
      })
      expect([...documents.keys()]).toEqual(['article-0', 'article-2', 'article-3'])
      expect(documents.get('article-3')).toEqual(article(3))
    }
  })

  test('replayJournal: a missing journal has no transactions', async () => {
    const documents = new Map([['article-0', article(0)]])
    expect(await replayJournal(join(journal, '..', 'missing.journal'), documents)).toEqual({
      transactions: 0,
      wholeBytes: 0,
      tornLine: undefined,
    })
    expect([...documents.keys()]).toEqual(['article-0'])
  })

  /** Lines that are not entries: each is torn when last, and damage when another follows. */
  const unreadable = [
    {n: 1, text: '{"transactionId": "tx-x", "docu', problem: 'not valid JSON'},
    {n: 2, text: '', problem: 'an empty line'},
    {n: 3, text: '   \t', problem: 'an empty line'},
    {n: 4, text: 'null', problem: 'not a journal entry (no transactionId and documents)'},
    {n: 5, text: '7', problem: 'not a journal entry (no transactionId and documents)'},
    {
      n: 6,
      text: '{"transactionId": "tx-x", "documents": {}}',
      problem: 'not a journal entry (no transactionId and documents)',
    },
    {
      n: 7,
      text: '{"transactionId": "tx-x", "documents": [{"id": "a", "after": null}, null]}',
      problem: 'not a journal entry (no transactionId and documents)',
    },
    {
      n: 8,
      text: '{"transactionId": "tx-x", "documents": [{"after": null}]}',
      problem: 'not a journal entry (no transactionId and documents)',
    },
    {
      n: 9,
      text: '{"transactionId": "tx-x", "documents": [{"id": 5, "after": null}]}',
      problem: 'not a journal entry (no transactionId and documents)',
    },
    {
      n: 10,
      text: '{"transactionId": "tx-x", "documents": [{"id": "a"}]}',
      problem: 'not a journal entry (no transactionId and documents)',
    },
    {
      n: 11,
      text: '{"transactionId": "tx-x", "documents": [{"id": "a", "after": "gone"}]}',
      problem: 'not a journal entry (no transactionId and documents)',
    },
    {
      n: 12,
      text: '{"transactionId": "tx-x", "documents": [{"id": "a", "after": [1]}]}',
      problem: 'not a journal entry (no transactionId and documents)',
    },
  ]

  test.each(unreadable)(
    'replayJournal: unreadable line $n before the last stops, naming the file and line',
    async ({text, problem}) => {
      const first = line(1, [['article-1', article(1)]])
      await writeFile(journal, `${first}${text}\n${line(2, [['article-2', article(2)]])}`)
      await expect(replayJournal(journal, new Map(), {chunkSize: 16})).rejects.toThrow(
        new Error(
          `replayJournal(): ${journal}:2: ${problem}, with more lines after it; only the last line can be torn by a crash, so the journal is damaged (repair that line to start)`,
        ),
      )
    },
  )

  test.each(unreadable)(
    'replayJournal: unreadable line $n as the last is torn: dropped, the entries before it applied',
    async ({text}) => {
      const whole = line(1, [['article-1', article(1)]]) + line(2, [['article-2', article(2)]])
      for (const tail of [text, `${text}\n`]) {
        await writeFile(journal, whole + tail)
        const documents = new Map<string, SanityDocument>()
        const replay = await replayJournal(journal, documents)
        // An empty tail without a newline is no line at all.
        const torn = tail === '' ? undefined : 3
        expect(replay).toEqual({transactions: 2, wholeBytes: bytes(whole), tornLine: torn})
        expect([...documents.keys()]).toEqual(['article-1', 'article-2'])
      }
    },
  )

  test('replayJournal: an entry that deletes reads as one, wherever it is', async () => {
    const text =
      line(1, [['article-1', article(1)]]) +
      line(2, [['article-1', null]]) +
      line(3, [['article-3', article(3)]])
    await writeFile(journal, text)
    const documents = new Map<string, SanityDocument>()
    expect(await replayJournal(journal, documents)).toEqual({
      transactions: 3,
      wholeBytes: bytes(text),
      tornLine: undefined,
    })
    expect([...documents.keys()]).toEqual(['article-3'])
  })
})
