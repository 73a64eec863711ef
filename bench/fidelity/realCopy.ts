import {readdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'

import {isRecord} from '../../dataset/guards'

/** Where the real articles and their expected structure are kept. */
export const REAL_COPY = new URL('../../tests/fixtures/real-copy/', import.meta.url).pathname

/** What a publisher's page shows of one article, annotated by hand from its HTML. */
export interface ExpectedStructure {
  language: string
  publisher: string
  url: string
  title: string
  /** Body blocks in order: standfirst, paragraphs, list items, captions. */
  paragraphs: string[]
  headings: string[]
  authors: string[]
  agencies: string[]
  /** The byline and credit lines as printed (datelines are paragraphs). */
  creditLines: string[]
  /** Newsletter signups and other promos pasted with the article. */
  trailer: string[]
}

/** One real article: its text as pasted, and what it should become. */
export interface RealArticle {
  name: string
  text: string
  expected: ExpectedStructure
}

/**
 * Reads every article of the real-copy corpus, in name order.
 *
 * @param folder - the corpus folder
 * @returns the articles
 * @throws Error naming the file when an expectation is not of the documented shape
 */
export async function readRealCopy(folder = REAL_COPY): Promise<RealArticle[]> {
  const names = (await readdir(folder))
    .filter((file) => file.endsWith('.txt'))
    .map((file) => file.slice(0, -'.txt'.length))
    .sort()
  return Promise.all(
    names.map(async (name) => {
      const path = join(folder, `${name}.json`)
      const expected: unknown = JSON.parse(await readFile(path, 'utf8'))
      if (!isExpectedStructure(expected)) {
        throw new Error(`readRealCopy(): ${path} is not an expected structure`)
      }
      return {name, text: await readFile(join(folder, `${name}.txt`), 'utf8'), expected}
    }),
  )
}

const TEXT_LISTS = ['paragraphs', 'headings', 'authors', 'agencies', 'creditLines', 'trailer']

function isExpectedStructure(value: unknown): value is ExpectedStructure {
  return (
    isRecord(value) &&
    ['language', 'publisher', 'url', 'title'].every((field) => typeof value[field] === 'string') &&
    TEXT_LISTS.every((field) => {
      const list = value[field]
      return Array.isArray(list) && list.every((item) => typeof item === 'string')
    })
  )
}
