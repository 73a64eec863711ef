import {type NodeChild, runNpmScript} from './runNode'

/** A lake running in its own process, as `npm run lake` runs it. */
export interface LakeProcess {
  url: string
  child: NodeChild
  /** Stops it (Ctrl-C: it writes its snapshot) and gives its peak memory, in MiB. */
  stop: () => Promise<number>
}

/**
 * Starts `npm run lake` over a dataset file on a free port and waits until it serves.
 *
 * @param data - the dataset file
 * @param options - more of `npm run lake`'s options, such as `['--query-timeout', '180']`
 * @returns the running lake
 */
export async function startLakeProcess(
  data: string,
  options: readonly string[] = [],
): Promise<LakeProcess> {
  const child = runNpmScript('lake', ['--data', data, '--port', '0', ...options])
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const line = child.stdout().find((text) => text.includes(' at http'))
      const found = line && /at (http\S+)/.exec(line)?.[1]
      if (found) {
        clearInterval(timer)
        resolve(found)
      }
    }, 50)
    void child.exited.then((code) => {
      clearInterval(timer)
      reject(new Error(`startLakeProcess(): the lake over "${data}" exited with code ${code}`))
    })
  })
  return {
    url,
    child,
    stop: async () => {
      child.kill('SIGINT')
      await child.exited
      return child.peakRssMb()
    },
  }
}
