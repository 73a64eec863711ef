// `npm run bench:writes`: requests and wall time of writing an archive through a slow lake,
// beside @sanity/import. See bench/writeRequestsCommand.ts.
import {processIo} from '../cli/processIo'
import {writeRequestsCommand} from './writeRequestsCommand'

process.exitCode = await writeRequestsCommand(process.argv.slice(2), processIo())
