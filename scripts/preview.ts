// `npm run preview`: every article rendered to data/preview/<slug>.html. See render/cli/.
import {previewCommand} from '../render/cli/previewCommand'

process.exitCode = await previewCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
})
