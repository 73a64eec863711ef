import {fork} from 'node:child_process'
import {once} from 'node:events'
import {serialize} from 'node:v8'

import {describe, expect, test} from 'vitest'

const VALIDATION_PROCESS = new URL('../validation/validationProcess.mjs', import.meta.url)

describe('validationProcess', () => {
  test('validationProcess: Ctrl-C leaves it validating, and it exits once its importer disconnects', async () => {
    const child = fork(VALIDATION_PROCESS, [], {execArgv: [], serialization: 'advanced'})
    try {
      await once(child, 'message')
      child.kill('SIGINT')
      const documents = [{_id: 'article-1', _type: 'article', title: 'Floods'}]
      child.send({id: 7, request: serialize({documents, dataset: []})})
      const [reply] = await Promise.race([
        once(child, 'message'),
        once(child, 'exit').then(([code, signal]) => {
          throw new Error(`the validation process exited (${code ?? signal})`)
        }),
      ])
      expect(reply).toMatchObject({id: 7, results: [{documentId: 'article-1'}]})
      const exited = once(child, 'exit')
      child.disconnect()
      expect(await exited).toEqual([0, null])
    } finally {
      child.kill('SIGKILL')
    }
  }, 60_000)
})
