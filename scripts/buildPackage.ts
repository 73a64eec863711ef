// `npm run build:package`: the installable package, into lib/. See package/.
import {processIo} from '../cli/processIo'
import {buildPackageCommand} from '../package/packageCommands'

const root = new URL('..', import.meta.url).pathname
process.exitCode = await buildPackageCommand(process.argv.slice(2), processIo(), root)
