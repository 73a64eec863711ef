/** How many times {@link timeRuns} calls, at most. */
export interface RunLimits {
  runs: number
  /** Once the runs so far have taken this long in total, no more are started. */
  budgetMs: number
}

/** How long an engine may take over each query. */
export interface EngineLimits extends RunLimits {
  /** A single run (or a dataset's loading) taking longer than this is given up. */
  timeoutMs: number
}

/**
 * Times an asynchronous call, one run after another (never overlapping, so each has the machine
 * to itself), `runs` times or until the time budget is spent, whichever comes first: a query that
 * takes seconds is not run dozens of times. At least one run is made.
 *
 * @param limits - the runs wanted and the time budget
 * @param run - the call
 * @returns each run's wall time, in milliseconds
 */
export async function timeRuns(
  {runs, budgetMs}: RunLimits,
  run: () => Promise<unknown>,
): Promise<number[]> {
  const times: number[] = []
  let spent = 0
  while (times.length < Math.max(1, runs) && (times.length === 0 || spent < budgetMs)) {
    const started = performance.now()
    await run()
    const ms = performance.now() - started
    times.push(ms)
    spent += ms
  }
  return times
}
