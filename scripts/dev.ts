// `npm run dev`: the local Content Lake and a Studio pointed at it, stopped together.
import {spawn} from 'node:child_process'

import {announceLake, withdrawLake} from '../lake/cli/lakeFile'
import {parseLakeArgs} from '../lake/cli/parseLakeArgs'
import {startLake} from '../lake/startLake'
import {LOCAL_LAKE_PORT} from '../studioEnv'

const data = process.env['LAKE_DATA'] ?? 'data/production.ndjson'
const studioArgs = process.argv.slice(2)
const lakeArgs = parseLakeArgs([], process.env)
if ('usageError' in lakeArgs) {
  process.stderr.write(`dev: ${lakeArgs.usageError}\n`)
  process.exit(2)
}
// A Studio on another port (`npm run dev -- --port 4000`) is let in as the default one is.
const studioPort = /(?:^|\s)--port[= ](\d+)(?:\s|$)/.exec(studioArgs.join(' '))?.[1]
const lake = await startLake({
  data,
  port: LOCAL_LAKE_PORT,
  origins: [
    ...lakeArgs.args.origins,
    ...(studioPort ? [`http://localhost:${studioPort}`, `http://127.0.0.1:${studioPort}`] : []),
  ],
  queryTimeoutMs: lakeArgs.args.queryTimeoutMs,
})
await announceLake(data, lake.url)
process.stdout.write(
  `Local Content Lake serving ${data} at ${lake.url} (browsers: ${lake.secureUrl})\n`,
)
process.stdout.write(
  `The lake's certificate is self-signed: open ${lake.secureUrl.replace('://', '://local.')}/v1/ping once and accept it.\n`,
)

const studio = spawn('npx', ['sanity', 'dev', ...studioArgs], {
  stdio: 'inherit',
  env: {...process.env, SANITY_STUDIO_API_HOST: lake.secureUrl},
})
const stop = async () => {
  studio.kill('SIGTERM')
  await lake.close()
  await withdrawLake(data)
}
process.once('SIGINT', () => void stop())
process.once('SIGTERM', () => void stop())
studio.once('exit', (code) => {
  void stop().then(() => process.exit(code ?? 0))
})
