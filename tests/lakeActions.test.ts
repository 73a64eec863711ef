import {mkdtemp} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterEach, beforeEach, describe, expect, test} from 'vitest'

import {isRecord} from '../dataset/guards'
import {type RunningLake, startLake} from '../lake'

const SEEDED = '2024-08-17T00:00:00.000Z'
const ACTED = '2024-08-18T00:00:00.000Z'
const ACTIONS = '/v2025-02-19/data/actions/production'

let lake: RunningLake
let now = SEEDED

beforeEach(async () => {
  now = SEEDED
  const data = join(await mkdtemp(join(tmpdir(), 'newsroom-lake-actions-')), 'production.ndjson')
  lake = await startLake({data, port: 0, clock: () => new Date(now)})
})

afterEach(() => lake.close())

interface Answer {
  status: number
  contentType: string | null
  body: unknown
}

/** A request over HTTP, its answer's body parsed as JSON. */
async function send(path: string, init: {method?: string; body?: unknown} = {}): Promise<Answer> {
  const response = await fetch(`${lake.url}${path}`, {
    method: init.method ?? 'GET',
    ...(init.body === undefined
      ? {}
      : {headers: {'Content-Type': 'application/json'}, body: JSON.stringify(init.body)}),
  })
  const body: unknown = await response.json()
  return {status: response.status, contentType: response.headers.get('content-type'), body}
}

type Body = {_id: string; _type: string} & Record<string, unknown>

/** Writes `documents` in one transaction, "seed", at {@link SEEDED}. */
async function seed(documents: readonly Body[]): Promise<void> {
  if (documents.length === 0) return
  const mutations = documents.map((document) => ({create: document}))
  const answer = await send('/v2025-02-19/data/mutate/production', {
    method: 'POST',
    body: {mutations, transactionId: 'seed'},
  })
  expect(answer.status).toBe(200)
}

/** Sends `actions` as transaction "tx-action" at {@link ACTED}. */
function act(actions: unknown): Promise<Answer> {
  now = ACTED
  return send(ACTIONS, {method: 'POST', body: {actions, transactionId: 'tx-action'}})
}

/**
 * The article's published document and draft, as the raw perspective has them. (A filter on ids
 * is answered from the index at once; `*` would start a query worker, a second per test.)
 */
async function documents(): Promise<unknown> {
  const query = encodeURIComponent('*[_id in $ids] | order(_id)')
  const ids = encodeURIComponent(JSON.stringify(['article-a', 'drafts.article-a']))
  const answer = await send(
    `/v2025-02-19/data/query/production?query=${query}&$ids=${ids}&perspective=raw`,
  )
  expect(answer.status).toBe(200)
  return isRecord(answer.body) ? answer.body['result'] : answer.body
}

/** A document as the seed stored it. */
const seeded = (document: Body) => ({
  ...document,
  _createdAt: SEEDED,
  _updatedAt: SEEDED,
  _rev: 'seed',
})
/** A document as the actions wrote it, created at `createdAt`. */
const acted = (document: Body, createdAt: string) => ({
  ...document,
  _createdAt: createdAt,
  _updatedAt: ACTED,
  _rev: 'tx-action',
})

const slug = {_type: 'slug', current: 'a'}
const published: Body = {_id: 'article-a', _type: 'article', title: 'Published', slug}
const draft: Body = {
  _id: 'drafts.article-a',
  _type: 'article',
  title: 'Draft',
  subtitle: 'Only in the draft',
  slug,
}
const ids = {draftId: 'drafts.article-a', publishedId: 'article-a'}
const action = (name: string) => `sanity.action.document.${name}`

describe('/data/actions: the Studio’s actions', () => {
  test.each([
    {
      name: '1. create makes the new draft',
      before: [],
      actions: [
        {
          actionType: action('create'),
          publishedId: 'article-a',
          attributes: {_id: 'drafts.article-a', _type: 'article', title: 'New'},
          ifExists: 'fail',
        },
      ],
      after: [acted({_id: 'drafts.article-a', _type: 'article', title: 'New'}, ACTED)],
    },
    {
      name: '2. create with ifExists "ignore" leaves an existing draft as it is',
      before: [draft],
      actions: [
        {
          actionType: action('create'),
          publishedId: 'article-a',
          attributes: {_id: 'drafts.article-a', _type: 'article', title: 'New'},
          ifExists: 'ignore',
        },
      ],
      after: [seeded(draft)],
    },
    {
      name: '3. edit copies the published document to a new draft and patches the draft',
      before: [published],
      actions: [{actionType: action('edit'), ...ids, patch: {set: {title: 'Edited'}}}],
      after: [
        seeded(published),
        acted({...published, _id: 'drafts.article-a', title: 'Edited'}, ACTED),
      ],
    },
    {
      name: '4. edit patches an existing draft and leaves the published document',
      before: [published, draft],
      actions: [{actionType: action('edit'), ...ids, patch: {set: {title: 'Edited'}}}],
      after: [seeded(published), acted({...draft, title: 'Edited'}, SEEDED)],
    },
    {
      name: '5. publish puts the draft’s content in the published document and removes the draft',
      before: [published, draft],
      actions: [
        {
          actionType: action('publish'),
          ...ids,
          ifDraftRevisionId: 'seed',
          ifPublishedRevisionId: 'seed',
        },
      ],
      after: [acted({...draft, _id: 'article-a'}, SEEDED)],
    },
    {
      name: '6. publish of a draft never published creates the published document',
      before: [draft],
      actions: [{actionType: action('publish'), ...ids}],
      after: [acted({...draft, _id: 'article-a'}, ACTED)],
    },
    {
      name: '7. discard removes the draft and leaves the published document',
      before: [published, draft],
      actions: [{actionType: action('discard'), draftId: 'drafts.article-a'}],
      after: [seeded(published)],
    },
    {
      name: '8. unpublish moves the published document to a new draft',
      before: [published],
      actions: [{actionType: action('unpublish'), ...ids}],
      after: [acted({...published, _id: 'drafts.article-a'}, ACTED)],
    },
    {
      name: '9. unpublish keeps an existing draft as it is',
      before: [published, draft],
      actions: [{actionType: action('unpublish'), ...ids}],
      after: [seeded(draft)],
    },
    {
      name: '10. delete removes the published document and the drafts it names',
      before: [published, draft],
      actions: [
        {
          actionType: action('delete'),
          publishedId: 'article-a',
          includeDrafts: ['drafts.article-a'],
        },
      ],
      after: [],
    },
    {
      name: '11. delete without includeDrafts removes the published document only',
      before: [published, draft],
      actions: [{actionType: action('delete'), publishedId: 'article-a'}],
      after: [seeded(draft)],
    },
    {
      name: '12. replaceDraft replaces the draft’s whole content',
      before: [published, draft],
      actions: [
        {
          actionType: action('replaceDraft'),
          ...ids,
          attributes: {_id: 'drafts.article-a', _type: 'article', title: 'Replaced'},
        },
      ],
      after: [
        seeded(published),
        acted({_id: 'drafts.article-a', _type: 'article', title: 'Replaced'}, SEEDED),
      ],
    },
    {
      name: '13. replaceDraft with no draft creates it',
      before: [published],
      actions: [
        {
          actionType: action('replaceDraft'),
          ...ids,
          attributes: {_id: 'drafts.article-a', _type: 'article', title: 'Replaced'},
        },
      ],
      after: [
        seeded(published),
        acted({_id: 'drafts.article-a', _type: 'article', title: 'Replaced'}, ACTED),
      ],
    },
    {
      name: '14. each action of a request sees what the ones before it did',
      before: [published],
      actions: [
        {actionType: action('edit'), ...ids, patch: {set: {title: 'Edited'}}},
        {actionType: action('publish'), ...ids},
      ],
      after: [acted({...published, title: 'Edited'}, SEEDED)],
    },
    {
      name: '15. edit patches a draft never published',
      before: [draft],
      actions: [{actionType: action('edit'), ...ids, patch: {set: {title: 'Edited'}}}],
      after: [acted({...draft, title: 'Edited'}, SEEDED)],
    },
    {
      name: '16. publish of a draft never published ignores the published revision it expected',
      before: [draft],
      actions: [{actionType: action('publish'), ...ids, ifPublishedRevisionId: 'gone'}],
      after: [acted({...draft, _id: 'article-a'}, ACTED)],
    },
    {
      name: '17. delete with entries of includeDrafts that are not ids still deletes the ids',
      before: [published, draft],
      actions: [
        {
          actionType: action('delete'),
          publishedId: 'article-a',
          includeDrafts: [7, null, 'drafts.article-a'],
        },
      ],
      after: [],
    },
  ])('actions: $name', async ({before, actions, after}) => {
    await seed(before)
    const answer = await act(actions)
    expect(answer).toEqual({
      status: 200,
      contentType: 'application/json; charset=utf-8',
      body: {transactionId: 'tx-action'},
    })
    expect(await documents()).toEqual(after)
  })

  test('actions: the same request sent again gets its first outcome and is not applied twice', async () => {
    await seed([published, draft])
    const publish = [{actionType: action('publish'), ...ids}]
    expect((await act(publish)).status).toBe(200)
    // Applied again, it would be refused: the draft is gone.
    expect(await act(publish)).toMatchObject({status: 200, body: {transactionId: 'tx-action'}})
    expect(await documents()).toEqual([acted({...draft, _id: 'article-a'}, SEEDED)])
  })
})

describe('/data/actions: refusals change nothing', () => {
  test.each([
    {
      name: '1. create over an existing document',
      before: [draft],
      actions: [
        {
          actionType: action('create'),
          publishedId: 'article-a',
          attributes: {_id: 'drafts.article-a', _type: 'article', title: 'New'},
          ifExists: 'fail',
        },
      ],
      status: 409,
      error: {
        type: 'mutationError',
        description: 'Document by ID "drafts.article-a" already exists',
      },
    },
    {
      name: '2. create without a _type',
      before: [],
      actions: [{actionType: action('create'), attributes: {_id: 'drafts.article-a'}}],
      status: 400,
      error: {type: 'actionError', description: 'create: "attributes" needs _id and _type'},
    },
    {
      name: '3. edit of a document that exists neither as draft nor published',
      before: [],
      actions: [{actionType: action('edit'), ...ids, patch: {set: {title: 'Edited'}}}],
      status: 409,
      error: {
        type: 'mutationError',
        description: 'Cannot edit "drafts.article-a": neither it nor its published version exists',
      },
    },
    {
      name: '4. edit without a draftId',
      before: [published],
      actions: [{actionType: action('edit'), publishedId: 'article-a', patch: {}}],
      status: 400,
      error: {type: 'actionError', description: 'edit: "draftId" is required'},
    },
    {
      name: '5. publish with no draft',
      before: [published],
      actions: [{actionType: action('publish'), ...ids}],
      status: 409,
      error: {
        type: 'mutationError',
        description: 'Cannot publish "article-a": there is no draft "drafts.article-a"',
      },
    },
    {
      name: '6. publish of a draft changed since the Studio read it',
      before: [published, draft],
      actions: [{actionType: action('publish'), ...ids, ifDraftRevisionId: 'stale'}],
      status: 409,
      error: {
        type: 'mutationError',
        description: 'Document "drafts.article-a" has revision "seed", expected "stale"',
      },
    },
    {
      name: '7. publish over a published document changed since the Studio read it',
      before: [published, draft],
      actions: [{actionType: action('publish'), ...ids, ifPublishedRevisionId: 'stale'}],
      status: 409,
      error: {
        type: 'mutationError',
        description: 'Document "article-a" has revision "seed", expected "stale"',
      },
    },
    {
      name: '8. discard with no draft',
      before: [published],
      actions: [{actionType: action('discard'), draftId: 'drafts.article-a'}],
      status: 409,
      error: {
        type: 'mutationError',
        description: 'Cannot discard "drafts.article-a": it does not exist',
      },
    },
    {
      name: '9. unpublish of a document that is not published',
      before: [draft],
      actions: [{actionType: action('unpublish'), ...ids}],
      status: 409,
      error: {
        type: 'mutationError',
        description: 'Cannot unpublish "article-a": it is not published',
      },
    },
    {
      name: '10. replaceDraft without attributes',
      before: [draft],
      actions: [{actionType: action('replaceDraft'), ...ids}],
      status: 400,
      error: {type: 'actionError', description: 'replaceDraft: "attributes" needs _id and _type'},
    },
    {
      name: '11. an action the lake does not know',
      before: [draft],
      actions: [{actionType: action('version.create'), ...ids}],
      status: 400,
      error: {
        type: 'actionError',
        description:
          'Action "sanity.action.document.version.create" is not supported by the local lake',
      },
    },
    {
      name: '12. an action without an actionType',
      before: [draft],
      actions: [{...ids}],
      status: 400,
      error: {type: 'actionError', description: 'Each action needs an "actionType"'},
    },
    {
      name: '13. a body without actions',
      before: [draft],
      actions: undefined,
      status: 400,
      error: {type: 'actionError', description: 'Body must be {"actions": [...]}'},
    },
    {
      name: '14. a refused action undoes the ones before it in the request',
      before: [published, draft],
      actions: [
        {actionType: action('discard'), draftId: 'drafts.article-a'},
        {actionType: action('publish'), ...ids},
      ],
      status: 409,
      error: {
        type: 'mutationError',
        description: 'Cannot publish "article-a": there is no draft "drafts.article-a"',
      },
    },
    {
      name: '15. create without an _id',
      before: [],
      actions: [{actionType: action('create'), attributes: {_type: 'article'}}],
      status: 400,
      error: {type: 'actionError', description: 'create: "attributes" needs _id and _type'},
    },
  ])('actions: $name is a $status', async ({before, actions, status, error}) => {
    await seed(before)
    expect(await act(actions)).toEqual({
      status,
      contentType: 'application/json; charset=utf-8',
      body: {error, statusCode: status},
    })
    expect(await documents()).toEqual(before.map(seeded))
  })
})

describe('createLakeHandler: what it does not serve is a JSON 404', () => {
  test.each([
    {method: 'GET', path: '/nothing/here', description: 'GET /nothing/here'},
    {method: 'GET', path: '/v2025-02-19/nothing/here', description: 'GET /nothing/here'},
    {method: 'GET', path: '/v1/data/nothing', description: 'GET /data/nothing'},
    {method: 'POST', path: '/vX/nothing', description: 'POST /nothing'},
    {
      method: 'PROPFIND',
      path: '/v2025-02-19/data/query/production',
      description: 'PROPFIND /data/query/production',
    },
    {
      method: 'GET',
      path: '/v2025-02-19/data/mutate/production',
      description: 'GET /data/mutate/production',
    },
    {
      method: 'DELETE',
      path: '/v2025-02-19/data/actions/production',
      body: {},
      description: 'DELETE /data/actions/production',
    },
  ])('lake: $method $path is a JSON 404', async ({method, path, body, description}) => {
    expect(await send(path, {method, body})).toEqual({
      status: 404,
      contentType: 'application/json; charset=utf-8',
      body: {
        error: {
          type: 'notFoundError',
          description: `${description} is not served by the local lake`,
        },
        statusCode: 404,
      },
    })
  })

  test('lake: a dataset the lake does not hold is a JSON 404', async () => {
    expect(await send('/v2025-02-19/data/query/staging?query=count(*)')).toEqual({
      status: 404,
      contentType: 'application/json; charset=utf-8',
      body: {
        error: {type: 'notFoundError', description: 'Dataset "staging" not found'},
        statusCode: 404,
      },
    })
  })
})
