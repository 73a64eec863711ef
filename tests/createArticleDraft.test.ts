import {mkdtemp, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import type {SanityClient} from '@sanity/client'
import {afterEach, beforeEach, expect, test} from 'vitest'

import {convertArticle} from '../importer/convert'
import {localClient, type RunningLake, startLake} from '../lake'
import {createArticleDraft} from '../plugins/newsroom/wireCopy/createArticleDraft'

const NOW = new Date('2026-03-02T09:30:00.000Z')
const SEED = new URL('../seeds/kursk-advance.txt', import.meta.url)
const STORM = 'Storm closes ports\n\nThe storm closed every port on the coast.\n\nBy Anna Smith\n'

let lake: RunningLake
let client: SanityClient

beforeEach(async () => {
  const data = join(await mkdtemp(join(tmpdir(), 'newsroom-draft-')), 'production.ndjson')
  lake = await startLake({data, port: 0})
  client = localClient(lake.url)
})

afterEach(() => lake.close())

test('createArticleDraft: writes the seed as a draft with its notes, its author and its newsletter', async () => {
  const conversion = convertArticle(await readFile(SEED, 'utf8'), {
    name: 'kursk-advance.txt',
    now: NOW,
  })
  expect(await createArticleDraft(conversion, client)).toStrictEqual({
    status: 'created',
    id: 'drafts.article-kursk-advance',
  })
  const draft = await client.getDocument('drafts.article-kursk-advance')
  const {article, persons, newsletter} = conversion.documents
  expect(draft).toMatchObject({
    ...article,
    _id: 'drafts.article-kursk-advance',
    importNotes: conversion.notes,
  })
  expect(await client.getDocument('article-kursk-advance')).toBeUndefined()
  expect(await client.getDocument('person-florent-vergnes')).toMatchObject(persons[0] ?? {})
  expect(await client.getDocument(newsletter?._id ?? '')).toMatchObject(newsletter ?? {})
})

test('createArticleDraft: never overwrites a person or newsletter an editor changed', async () => {
  await client.create({_id: 'person-anna-smith', _type: 'person', name: 'Anna Smith (desk)'})
  const conversion = convertArticle(STORM, {name: 'storm.txt', now: NOW})
  expect((await createArticleDraft(conversion, client)).status).toBe('created')
  expect(await client.getDocument('person-anna-smith')).toMatchObject({name: 'Anna Smith (desk)'})
})

test('createArticleDraft: the same text twice leaves the draft the first made', async () => {
  const conversion = convertArticle(STORM, {name: 'storm.txt', now: NOW})
  await createArticleDraft(conversion, client)
  const first = await client.getDocument('drafts.article-storm')
  expect(await createArticleDraft(conversion, client)).toStrictEqual({
    status: 'exists',
    id: 'drafts.article-storm',
    reason: 'it was made from this same text',
  })
  expect(await client.getDocument('drafts.article-storm')).toStrictEqual(first)
})

test('createArticleDraft: leaves an article an editor changed since its import', async () => {
  const {documents} = convertArticle(STORM, {name: 'storm.txt', now: NOW})
  await client.create({...documents.article, title: 'Storm shuts every port'})
  const again = convertArticle(`${STORM}\nMore to follow.\n`, {name: 'storm.txt', now: NOW})
  expect(await createArticleDraft(again, client)).toStrictEqual({
    status: 'exists',
    id: 'article-storm',
    reason: 'an editor changed it since it was imported',
  })
  expect(await client.getDocument('drafts.article-storm')).toBeUndefined()
})

test('createArticleDraft: a new text for an unedited article becomes a draft beside it', async () => {
  const {documents} = convertArticle(STORM, {name: 'storm.txt', now: NOW})
  await client.create(documents.article)
  const again = convertArticle(`${STORM}\nMore to follow.\n`, {name: 'storm.txt', now: NOW})
  expect(await createArticleDraft(again, client)).toStrictEqual({
    status: 'created',
    id: 'drafts.article-storm',
  })
  expect(await client.getDocument('article-storm')).toMatchObject({title: 'Storm closes ports'})
  expect(JSON.stringify(await client.getDocument('drafts.article-storm'))).toContain(
    'More to follow.',
  )
})

test('createArticleDraft: a slug another article holds becomes the next free one, with a note', async () => {
  await client.create({
    _id: 'article-other',
    _type: 'article',
    title: 'Storm closes ports',
    slug: {_type: 'slug', current: 'storm-closes-ports'},
  })
  await client.create({
    _id: 'drafts.article-third',
    _type: 'article',
    title: 'Storm closes ports',
    slug: {_type: 'slug', current: 'storm-closes-ports-2'},
  })
  const conversion = convertArticle(STORM, {name: 'storm.txt', now: NOW})
  expect(await createArticleDraft(conversion, client)).toStrictEqual({
    status: 'created',
    id: 'drafts.article-storm',
  })
  expect(await client.getDocument('drafts.article-storm')).toMatchObject({
    slug: {current: 'storm-closes-ports-3'},
    importNotes: [
      'Slug: "storm-closes-ports" is already the slug of article-other, so this article\'s slug is "storm-closes-ports-3"; check it before publishing.',
    ],
  })
})
