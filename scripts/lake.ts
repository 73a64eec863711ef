// `npm run lake`: the local Content Lake. Everything it does lives in lake/.
import {processIo, stopSignal} from '../cli/processIo'
import {lakeCommand} from '../lake/cli/lakeCommand'

process.exitCode = await lakeCommand(process.argv.slice(2), {...processIo(), signal: stopSignal()})
