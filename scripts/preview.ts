// `npm run preview`: every article rendered to data/preview/<slug>.html. See render/cli/.
import {processIo} from '../cli/processIo'
import {previewCommand} from '../render/cli/previewCommand'

process.exitCode = await previewCommand(process.argv.slice(2), processIo())
