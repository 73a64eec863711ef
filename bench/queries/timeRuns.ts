/**
 * Times an asynchronous call, one run after another (never overlapping, so each run has the
 * machine to itself).
 *
 * @param runs - how many times to call it
 * @param run - the call
 * @returns each run's wall time, in milliseconds
 */
export async function timeRuns(runs: number, run: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = []
  for (let index = 0; index < runs; index++) {
    const started = performance.now()
    await run()
    times.push(performance.now() - started)
  }
  return times
}
