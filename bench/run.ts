// `npm run bench`: measurements beside the tools people use today. See bench/benchCommand.ts.
import {benchCommand} from './benchCommand'
import {processIo} from '../cli/processIo'

process.exitCode = await benchCommand(process.argv.slice(2), processIo())
