// `npm run bench`: measurements beside the tools people use today. See bench/benchCommand.ts.
import {processIo} from '../cli/processIo'
import {benchCommand} from './benchCommand'

process.exitCode = await benchCommand(process.argv.slice(2), processIo())
