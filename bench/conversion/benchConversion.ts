import {childReport} from '../process/childReport'
import {runNode} from '../process/runNode'
import {median} from '../process/statistics'
import {type ChildResult, parseChildResult} from './parseChildResult'

/** One tool at one corpus size: medians over separate child processes. */
export interface ConversionRow {
  tool: 'newsroom' | 'split-floor' | 'block-tools'
  /** Articles converted per run: the size asked for, fewer if `maxSecondsPerChild` stopped it. */
  articles: number
  runs: number
  /** Median over the runs of the summed conversion time of the batches (generation untimed). */
  medianSeconds: number
  articlesPerSecond: number
  /**
   * Wire-text bytes (UTF-8, MiB) per second for all three tools, block-tools included although it
   * reads the equivalent HTML, which is about 2% longer: the same articles compare like with like.
   */
  megabytesPerSecond: number
  /** Median of the children's `maxRSS`, in MiB: the whole process (Node and the tool). */
  peakRssMb: number
}

/** What to measure. */
export interface ConversionOptions {
  /** Corpus sizes, in articles, e.g. `[1000, 10000, 100000]`. */
  sizes: number[]
  /** Child processes per tool and size. */
  runs: number
  /** Where progress lines go, one per child. */
  log?: (line: string) => void
  /**
   * Stops a child after the batch that takes its conversion time past this many seconds, so a slow
   * tool at a large size ends; its row then reports the articles it converted. No limit if unset.
   */
  maxSecondsPerChild?: number
}

const TOOLS: ConversionRow['tool'][] = ['newsroom', 'split-floor', 'block-tools']
const MIB = 1024 * 1024

/**
 * Text → Portable Text conversion speed and memory of this importer, of the naive
 * split-on-blank-lines floor and of `@portabletext/block-tools` on the equivalent HTML, each run
 * in its own child process, one child at a time (a second child would share the two cores).
 *
 * @param options - sizes, runs, an optional progress log and time limit per child
 * @returns one row per size and tool
 */
export async function benchConversion(options: ConversionOptions): Promise<ConversionRow[]> {
  const {sizes, runs, log, maxSecondsPerChild} = options
  if (!Number.isInteger(runs) || runs < 1) throw new Error('benchConversion(): runs must be ≥ 1')
  const rows: ConversionRow[] = []
  for (const size of sizes) {
    for (const tool of TOOLS) {
      const results: ChildResult[] = []
      // block-tools converts ~90 articles a second: one (time-limited) run at 100,000 is enough.
      const times = tool === 'block-tools' && size >= 100_000 ? 1 : runs
      for (let run = 1; run <= times; run++) {
        const result = await runChild(tool, size, maxSecondsPerChild)
        results.push(result)
        const stopped = result.articles < size ? ` (stopped at ${result.articles} articles)` : ''
        log?.(
          `${tool} n=${size} run ${run}/${times}: ${result.seconds.toFixed(2)} s, ` +
            `${(result.maxRssKib / 1024).toFixed(0)} MiB, ` +
            `${(result.outputChars / 1e6).toFixed(1)} M characters of NDJSON${stopped}`,
        )
      }
      rows.push({
        tool,
        articles: median(results.map((result) => result.articles)),
        runs: times,
        medianSeconds: median(results.map((result) => result.seconds)),
        // Per-child rates, since a time-limited child's article count varies with its speed.
        articlesPerSecond: median(results.map((result) => result.articles / result.seconds)),
        megabytesPerSecond: median(
          results.map((result) => result.textBytes / MIB / result.seconds),
        ),
        peakRssMb: median(results.map((result) => result.maxRssKib / 1024)),
      })
    }
  }
  return rows
}

async function runChild(tool: string, size: number, maxSeconds: number | undefined) {
  const args = ['--tool', tool, '--n', String(size)]
  if (maxSeconds !== undefined) args.push('--max-seconds', String(maxSeconds))
  const child = runNode('bench/conversion/convertChild.ts', args)
  return parseChildResult(await childReport(child, `${tool} n=${size}`))
}
