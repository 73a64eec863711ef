// `npm run check:package`: the package installed and built in a fresh Studio. See package/.
import {processIo} from '../cli/processIo'
import {checkPackageCommand} from '../package/packageCommands'

const root = new URL('..', import.meta.url).pathname
process.exitCode = await checkPackageCommand(process.argv.slice(2), processIo(), root)
