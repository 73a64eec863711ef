// `npm run lake`: the local Content Lake. Everything it does lives in lake/.
import {processIo, stopSignal} from '../cli/processIo'
import {lakeCommand} from '../lake/cli/lakeCommand'

// The npm script gives the young generation 64 MiB semi-spaces instead of 16: every document
// written lives as long as the lake, and with a large dataset each young collection also pays
// for the old generation's size, so fewer of them (a third as many at 100,000 articles) took
// about a fifth off the lake's CPU time in an import (31–37 s against 41–46 s). `npm run dev`
// does the same.

process.exitCode = await lakeCommand(process.argv.slice(2), {...processIo(), signal: stopSignal()})
