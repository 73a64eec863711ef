import {mkdtemp, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import type {MutationEvent, SanityClient} from '@sanity/client'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'

import {type RunningLake, startLake} from '../lake'
import {localClient} from '../lake'

let lake: RunningLake
let client: SanityClient
let data: string

beforeEach(async () => {
  data = join(await mkdtemp(join(tmpdir(), 'newsroom-lake-')), 'production.ndjson')
  lake = await startLake({data, port: 0})
  client = localClient(lake.url)
})

afterEach(() => lake.close())

const article = {
  _id: 'article-a',
  _type: 'article',
  title: 'First',
  slug: {_type: 'slug', current: 'first'},
}

describe('local Content Lake through @sanity/client', () => {
  test('mutate: create returns the document with system fields, getDocument reads it', async () => {
    const created = await client.create(article)
    expect(created).toMatchObject({
      ...article,
      _rev: expect.any(String),
      _createdAt: expect.any(String),
    })
    expect(await client.getDocument('article-a')).toEqual(created)
    expect(await client.getDocument('article-missing')).toBeUndefined()
  })

  test('query: parameters and perspectives raw, published and drafts', async () => {
    await client.create(article)
    await client.create({...article, _id: 'drafts.article-a', title: 'Draft'})
    await client.create({...article, _id: 'drafts.article-b', title: 'Only a draft'})
    const query = '*[_type == $type] | order(_id) {_id, title, _originalId}'
    const params = {type: 'article'}
    expect(await client.fetch(query, params, {perspective: 'raw'})).toEqual([
      {_id: 'article-a', title: 'First', _originalId: null},
      {_id: 'drafts.article-a', title: 'Draft', _originalId: null},
      {_id: 'drafts.article-b', title: 'Only a draft', _originalId: null},
    ])
    expect(await client.fetch(query, params, {perspective: 'published'})).toEqual([
      {_id: 'article-a', title: 'First', _originalId: null},
    ])
    expect(await client.fetch(query, params, {perspective: 'drafts'})).toEqual([
      {_id: 'article-a', title: 'Draft', _originalId: 'drafts.article-a'},
      {_id: 'article-b', title: 'Only a draft', _originalId: 'drafts.article-b'},
    ])
    // API 2025-02-19 reads the published perspective by default, as the hosted API does.
    expect(await client.fetch('count(*)')).toBe(1)
  })

  test('doc: several ids at once, missing ones listed as omitted', async () => {
    await client.create(article)
    const response = await client.request({uri: '/data/doc/production/article-a,article-x'})
    expect(response.documents.map((d: {_id: string}) => d._id)).toEqual(['article-a'])
    expect(response.omitted).toEqual([{id: 'article-x', reason: 'existence'}])
  })

  test('mutate: a stale ifRevisionID is a 409 and changes nothing', async () => {
    const created = await client.create(article)
    const updated = await client
      .patch('article-a')
      .ifRevisionId(created._rev)
      .set({title: 'Second'})
      .commit()
    expect(updated._rev).not.toBe(created._rev)
    const stale = client
      .patch('article-a')
      .ifRevisionId(created._rev)
      .set({title: 'Third'})
      .commit()
    await expect(stale).rejects.toMatchObject({statusCode: 409})
    expect((await client.getDocument('article-a'))?.['title']).toBe('Second')
  })

  test('mutate: a transaction is atomic and returns ids', async () => {
    const failing = client
      .transaction()
      .create({_id: 'person-x', _type: 'person', name: 'X'})
      .create({...article})
      .create({...article})
      .commit()
    await expect(failing).rejects.toMatchObject({statusCode: 409})
    expect(await client.getDocument('person-x')).toBeUndefined()

    const result = await client
      .transaction()
      .createIfNotExists({_id: 'person-x', _type: 'person', name: 'X'})
      .createOrReplace(article)
      .commit({returnDocuments: false})
    expect(result.results).toEqual([
      {id: 'person-x', operation: 'create'},
      {id: 'article-a', operation: 'create'},
    ])
    const again = await client
      .transaction()
      .createIfNotExists({_id: 'person-x', _type: 'person', name: 'Y'})
      .commit()
    expect(again.results).toEqual([{id: 'person-x', operation: 'none'}])
  })

  test('listen: welcome, then a mutation event with revisions, mutations and effects', async () => {
    await client.create(article)
    const events: MutationEvent[] = []
    const received = new Promise<void>((resolve, reject) => {
      const subscription = client
        .listen(
          '*[_type == "article"]',
          {},
          {events: ['welcome', 'mutation'], effectFormat: 'mendoza'},
        )
        .subscribe({
          next: (event) => {
            if (event.type === 'welcome') {
              void client.patch('article-a').set({title: 'Live'}).commit()
              return
            }
            if (event.type !== 'mutation') return
            events.push(event)
            subscription.unsubscribe()
            resolve()
          },
          error: reject,
        })
    })
    await received
    const [event] = events
    expect(event).toMatchObject({
      documentId: 'article-a',
      transition: 'update',
      mutations: [{patch: {id: 'article-a', set: {title: 'Live'}}}],
      result: {title: 'Live'},
      visibility: 'query',
    })
    expect(event?.previousRev).toBeTruthy()
    expect(event?.resultRev).toBe(event?.transactionId)
    expect(event?.effects?.apply).toEqual([0, expect.objectContaining({title: 'Live'})])
  })

  test('actions: an edit creates the draft from the published document, publish replaces it', async () => {
    await client.create(article)
    await client.action({
      actionType: 'sanity.action.document.edit',
      draftId: 'drafts.article-a',
      publishedId: 'article-a',
      patch: {set: {title: 'Edited'}},
    })
    expect(await client.getDocument('drafts.article-a')).toMatchObject({
      slug: article.slug,
      title: 'Edited',
    })
    await client.action({
      actionType: 'sanity.action.document.publish',
      draftId: 'drafts.article-a',
      publishedId: 'article-a',
    })
    expect((await client.getDocument('article-a'))?.['title']).toBe('Edited')
    expect(await client.getDocument('drafts.article-a')).toBeUndefined()
  })

  test('lake: the Studio’s login and permission checks answer', async () => {
    const me = await client.request({uri: '/users/me'})
    expect(me).toMatchObject({
      id: expect.any(String),
      roles: [expect.objectContaining({name: 'administrator'})],
    })
    const acl = await client.request({uri: '/projects/local/datasets/production/acl'})
    expect(acl).toEqual([
      {
        filter: '_id in path("**")',
        permissions: expect.arrayContaining(['read', 'update', 'create']),
      },
    ])
  })

  test('lake: malformed requests get a JSON 4xx, and the lake keeps serving', async () => {
    await expect(client.fetch('*[')).rejects.toMatchObject({statusCode: 400})
    const json = {'Content-Type': 'application/json'}
    const response = await fetch(`${lake.url}/v2025-02-19/data/mutate/production`, {
      method: 'POST',
      headers: json,
      body: '{not json',
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({error: {type: 'invalidJson'}})
    const unknown = await fetch(`${lake.url}/v2025-02-19/data/mutate/production`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({mutations: [{frobnicate: {}}]}),
    })
    expect(unknown.status).toBe(400)
    expect(await client.fetch('count(*)')).toBe(0)
  })

  test('lake: what was written is in the dataset file after a restart', async () => {
    await client.create(article)
    await lake.close()
    expect(await readFile(data, 'utf8')).toContain('"article-a"')
    lake = await startLake({data, port: 0})
    const reopened = client.withConfig({apiHost: lake.url})
    expect((await reopened.getDocument('article-a'))?.['title']).toBe('First')
  })

  test('lake: documents of a large request read back the same after a restart, however it spaced, escaped or repeated them', async () => {
    const text = 'Floods “rose” overnight. '.repeat(400)
    const documents = [
      `{"_id":"article-compact","_type":"article","title":"Compact","text":${JSON.stringify(text)}}`,
      `{ "_id" : "article-spaced",\n  "_type": "article",\r\n  "tags": [ 1.50, -0, "\\u00e9\\/" ],\n  "text": ${JSON.stringify(text)} }`,
      `{"_id":"article-escaped","_type":"article","title":"\\u00c9t\\u00e9 \\"quoted\\"","text":${JSON.stringify(text)}}`,
      `{"_id":"article-stamped","_type":"article","_rev":"theirs","_createdAt":"2020-01-01T00:00:00Z","text":${JSON.stringify(text)}}`,
    ]
    // A mutation naming its operation twice holds the last: JSON.parse keeps the last of a key.
    const twice = `{"createOrReplace":{"_id":"article-twice","_type":"article","title":"First"},"createOrReplace":{"_id":"article-twice","_type":"article","title":"Second"}}`
    const mutations = [...documents.map((document) => `{"createOrReplace":${document}}`), twice]
    const body = `{"mutations":[${mutations.join(',')}]}`
    expect(body.length).toBeGreaterThan(32 * 1024)
    const response = await fetch(`${lake.url}/v2025-02-19/data/mutate/production`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body,
    })
    expect(response.status).toBe(200)
    const ids = [
      'article-compact',
      'article-spaced',
      'article-escaped',
      'article-stamped',
      'article-twice',
    ]
    const before = await client.getDocuments(ids)
    expect(before[1]).toMatchObject({tags: [1.5, 0, 'é/']})
    expect(before[2]).toMatchObject({title: 'Été "quoted"'})
    expect(before[4]).toMatchObject({title: 'Second'})
    await lake.close()
    lake = await startLake({data, port: 0})
    const after = await client.withConfig({apiHost: lake.url}).getDocuments(ids)
    expect(after).toEqual(before)
    expect(after.map((document) => Object.keys(document ?? {}))).toEqual(
      before.map((document) => Object.keys(document ?? {})),
    )
  })

  test('startLake: refuses an interface beyond loopback without a token', async () => {
    await expect(startLake({data, port: 0, host: '0.0.0.0'})).rejects.toThrow(
      'startLake(): binding 0.0.0.0 exposes the dataset; set a token to require one',
    )
  })

  test('startLake: with a token, requests without it are refused', async () => {
    const guarded = await startLake({data: `${data}.guarded`, port: 0, token: 'secret-token'})
    try {
      const anonymous = await fetch(`${guarded.url}/v2025-02-19/users/me`)
      expect(anonymous.status).toBe(401)
      const authorized = client.withConfig({apiHost: guarded.url, token: 'secret-token'})
      expect(await authorized.fetch('count(*)')).toBe(0)
    } finally {
      await guarded.close()
    }
  })
})
