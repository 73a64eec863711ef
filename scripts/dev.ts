// `npm run dev`: the local Content Lake and a Studio pointed at it, stopped together. See lake/cli/.
import {processIo, stopSignal} from '../cli/processIo'
import {devCommand} from '../lake/cli/devCommand'

// The npm script sizes the young generation for the lake, as `npm run lake` does (see lake.ts).

process.exitCode = await devCommand(process.argv.slice(2), {...processIo(), signal: stopSignal()})
