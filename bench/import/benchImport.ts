import {mkdtemp, rename, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {runNode, runNpmScript} from '../process/runNode'
import {startLakeProcess} from '../process/startLakeProcess'
import {median} from '../process/statistics'
import {countLines} from './countLines'
import {writeCorpusFiles} from './writeCorpusFiles'

/** One importer at one archive size: medians over separate runs into a fresh lake. */
export interface ImportRow {
  tool: 'newsroom' | 'newsroom --skip-validation' | '@sanity/import'
  articles: number
  /** Documents in the lake afterwards: articles, people and newsletters. */
  documents: number
  runs: number
  /** Wall time of the whole command, process start to exit. */
  medianSeconds: number
  /** Peak memory of the importing process (its worker threads included), MiB. */
  peakRssMb: number
  /** Peak memory of the lake process it wrote to, MiB. */
  lakePeakRssMb: number
}

/** What to measure. */
export interface ImportOptions {
  sizes: number[]
  runs: number
  /** Largest size imported with validation as well (Infinity: every size). */
  validateUpTo: number
  log?: (line: string) => void
}

/** Runs at 100,000 articles and beyond: one, as each takes minutes. */
const LARGE = 100_000

/**
 * `npm run import` end to end, beside `@sanity/import` on the same documents: each run writes
 * a fresh archive of text files into a fresh lake running in its own process, as `npm run dev`
 * users have it. This importer runs with `--skip-validation` (like `@sanity/import`, which
 * validates nothing) and with its validation, whose verdicts are Sanity's, up to `validateUpTo`.
 * `@sanity/import` loads the lake file the first run produced.
 *
 * @param options - sizes, runs and the validated sizes
 * @returns one row per size and tool
 */
export async function benchImport(options: ImportOptions): Promise<ImportRow[]> {
  const {sizes, runs, validateUpTo, log = () => undefined} = options
  const rows: ImportRow[] = []
  for (const size of sizes) {
    const folder = await mkdtemp(join(tmpdir(), `newsroom-bench-import-${size}-`))
    try {
      const sources = join(folder, 'sources')
      const bytes = await writeCorpusFiles(sources, size)
      log(`import: ${size} articles written (${(bytes / 2 ** 20).toFixed(0)} MiB of text)`)
      const repeat = size >= LARGE ? 1 : runs
      const exported = join(folder, 'reference.ndjson')
      const tools: [ImportRow['tool'], (url: string) => Promise<number>][] = [
        ['newsroom --skip-validation', (url) => importer(url, sources, ['--skip-validation'])],
        ['@sanity/import', (url) => sanityImport(url, exported)],
      ]
      if (size <= validateUpTo) tools.push(['newsroom', (url) => importer(url, sources, [])])
      for (const [tool, run] of tools) {
        const measured: Measured[] = []
        for (let index = 0; index < repeat; index++) {
          const data = join(folder, `${tool.replace(/\W+/g, '-')}-${index}.ndjson`)
          const result = await measureRun(data, run)
          measured.push(result)
          log(
            `import: ${tool}, ${size} articles: ${result.seconds.toFixed(1)} s, ${result.peak.toFixed(0)} MiB`,
          )
          if (tool === 'newsroom --skip-validation' && index === 0) await rename(data, exported)
          else await rm(data, {force: true})
        }
        rows.push({
          tool,
          articles: size,
          documents: median(measured.map((m) => m.documents)),
          runs: repeat,
          medianSeconds: median(measured.map((m) => m.seconds)),
          peakRssMb: median(measured.map((m) => m.peak)),
          lakePeakRssMb: median(measured.map((m) => m.lakePeak)),
        })
      }
    } finally {
      await rm(folder, {recursive: true, force: true})
    }
  }
  return rows
}

interface Measured {
  seconds: number
  /** The importing process's peak memory, MiB. */
  peak: number
  lakePeak: number
  documents: number
}

/** One import into a fresh lake over `data`; the lake's own start and final save are not timed. */
async function measureRun(data: string, run: (url: string) => Promise<number>): Promise<Measured> {
  const lake = await startLakeProcess(data)
  let peak: number
  let seconds: number
  try {
    const started = performance.now()
    peak = await run(lake.url)
    seconds = (performance.now() - started) / 1000
  } finally {
    await lake.stop()
  }
  return {seconds, peak, lakePeak: lake.child.peakRssMb(), documents: await countLines(data)}
}

/** `npm run import` into the lake, with the script's Node flags; resolves with its peak memory. */
async function importer(url: string, sources: string, flags: string[]): Promise<number> {
  const child = runNpmScript('import', ['--api-host', url, ...flags, sources])
  const code = await child.exited
  if (code !== 0) {
    const report = child.stdout().slice(-3).join('\n')
    throw new Error(`benchImport(): npm run import exited with ${code}:\n${report}`)
  }
  return child.peakRssMb()
}

/** `@sanity/import` of the reference file into the lake; resolves with its peak memory. */
async function sanityImport(url: string, file: string): Promise<number> {
  const child = runNode('bench/import/sanityImportChild.ts', [file, url])
  const code = await child.exited
  if (code !== 0) throw new Error(`benchImport(): @sanity/import exited with ${code}`)
  return child.peakRssMb()
}
