/**
 * One query's measurements through one engine: the warm-up's time and result and each timed run,
 * or the time after which a single run was given up.
 */
export type CaseTimings =
  | {
      name: string
      status: 'measured'
      /** The untimed first run; through the lake the very first also builds the index view. */
      warmUpMs: number
      /** Wall time of each timed run, in milliseconds. */
      timesMs: number[]
      /** The query's result (from the warm-up), to compare across engines. */
      result: unknown
    }
  | {name: string; status: 'abandoned'; afterMs: number}
