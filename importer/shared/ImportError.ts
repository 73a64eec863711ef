/** Where in a source file a problem was found. */
export interface SourcePosition {
  /** 1-based line number. */
  line?: number
  /** 0-based byte offset. */
  offset?: number
}

/**
 * A problem with one input file. Its message is a single line that names the file and, where it
 * applies, the line or byte offset: `seeds/a.txt:12: …` or `seeds/a.txt (byte 1041): …`.
 */
export class ImportError extends Error {
  readonly file: string
  readonly position: SourcePosition

  constructor(file: string, reason: string, position: SourcePosition = {}) {
    super(`${file}${describePosition(position)}: ${reason}`)
    this.name = 'ImportError'
    this.file = file
    this.position = position
  }
}

function describePosition({line, offset}: SourcePosition): string {
  if (line !== undefined) return `:${line}`
  if (offset !== undefined) return ` (byte ${offset})`
  return ''
}
