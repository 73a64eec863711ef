import {randomBytes} from 'node:crypto'

const decoder = new TextDecoder()

/**
 * The naive floor of text → Portable Text: every blank-line-separated block becomes one plain
 * `normal` paragraph, with random keys as Sanity's `randomKey(12)` makes them. No structure is
 * recognised, so anything slower than this is paying for structure.
 *
 * @param bytes - the UTF-8 file as it arrived
 * @param fileName - the file's name, for the document id
 * @returns the NDJSON line a Content Lake would receive (without its newline)
 */
export function splitFloor(bytes: Uint8Array, fileName: string): string {
  const body = decoder
    .decode(bytes)
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((text) => ({
      _type: 'block',
      _key: randomKey(),
      style: 'normal',
      markDefs: [],
      children: [{_type: 'span', _key: randomKey(), text, marks: []}],
    }))
  return JSON.stringify({_id: `article-${fileName.replace(/\.\w+$/, '')}`, _type: 'article', body})
}

// 12 hex characters, as `randomKey(12)` in block-tools and the Studio.
function randomKey(): string {
  return randomBytes(6).toString('hex')
}
