// `npm run query`: GROQ from the command line. Everything it does lives in queries/cli/.
import {queryCommand} from '../queries/cli/queryCommand'

process.exitCode = await queryCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
})
