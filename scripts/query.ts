// `npm run query`: GROQ from the command line. Everything it does lives in queries/cli/.
import {processIo} from '../cli/processIo'
import {queryCommand} from '../queries/cli/queryCommand'

process.exitCode = await queryCommand(process.argv.slice(2), processIo())
