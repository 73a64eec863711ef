import {stat} from 'node:fs/promises'

import {isNotFound} from '../../dataset'

/**
 * Measures a file.
 *
 * @param path - the file
 * @returns its size in bytes; 0 when it does not exist
 */
export async function fileSize(path: string): Promise<number> {
  return stat(path).then(
    ({size}) => size,
    (error: unknown) => {
      if (isNotFound(error)) return 0
      throw error
    },
  )
}
