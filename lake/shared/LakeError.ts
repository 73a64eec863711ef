/**
 * An error the Content Lake API answers with: an HTTP status and the JSON body shape the hosted
 * API uses, `{error: {type, description}}`, so `@sanity/client` reports it the same way.
 */
export class LakeError extends Error {
  readonly statusCode: number
  readonly type: string

  constructor(statusCode: number, type: string, description: string) {
    super(description)
    this.name = 'LakeError'
    this.statusCode = statusCode
    this.type = type
  }

  /** The response body. */
  toJSON(): {error: {type: string; description: string}; statusCode: number} {
    return {error: {type: this.type, description: this.message}, statusCode: this.statusCode}
  }
}
