// `npm run lake`: the local Content Lake. Everything it does lives in lake/.
import {lakeCommand} from '../lake/cli/lakeCommand'

process.exitCode = await lakeCommand(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  stopped: new Promise((resolve) => {
    process.once('SIGINT', () => resolve())
    process.once('SIGTERM', () => resolve())
  }),
})
