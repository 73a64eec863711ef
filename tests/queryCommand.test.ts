import {mkdtemp} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {beforeAll, describe, expect, test} from 'vitest'

import {startLake} from '../lake'
import {queryCommand} from '../queries/cli/queryCommand'

let data: string

beforeAll(async () => {
  data = join(await mkdtemp(join(tmpdir(), 'newsroom-query-')), 'production.ndjson')
  const lake = await startLake({data, port: 0})
  await lake.lake.mutate([
    {
      createOrReplace: {
        _id: 'person-a',
        _type: 'person',
        name: 'Anna Smith',
        slug: {_type: 'slug', current: 'anna'},
      },
    },
    {createOrReplace: {_id: 'drafts.person-b', _type: 'person', name: 'Ben Jones'}},
  ])
  await lake.close()
})

async function query(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await queryCommand([...args, '--data', data], {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    env: {},
  })
  return {code, stdout: out.join('\n'), stderr: err.join('\n')}
}

describe('npm run query', () => {
  test('queryCommand: prints the result as JSON, with parameters', async () => {
    const {code, stdout} = await query([
      '*[_type == "person" && slug.current == $slug]{name}',
      '--param',
      'slug=anna',
    ])
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toEqual([{name: 'Anna Smith'}])
  })

  test('queryCommand: JSON parameter values and the drafts perspective', async () => {
    const {stdout} = await query([
      'count(*[_type == $type && name in $names])',
      '--param',
      'type=person',
      '--param',
      'names=["Anna Smith","Ben Jones"]',
      '--perspective',
      'drafts',
    ])
    expect(JSON.parse(stdout)).toBe(2)
  })

  test('queryCommand: a bad parameter is a usage error, a bad query a failure', async () => {
    expect((await query(['*', '--param', 'oops'])).code).toBe(2)
    const failed = await query(['*['])
    expect(failed.code).toBe(1)
    expect(failed.stderr).toMatch(/^query: /)
  })
})
