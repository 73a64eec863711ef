import {isRecord} from '../../dataset/guards'
import {ImportError} from '../shared/ImportError'

/** Article facts an editor can state at the top of a source file; they win over detection. */
export interface FrontMatter {
  id?: string
  title?: string
  slug?: string
  standfirst?: string
  /** ISO 8601 timestamp. */
  publishedAt?: string
  authors?: string[]
  agencies?: string[]
}

const TEXT_FIELDS = ['id', 'title', 'slug', 'standfirst'] as const
const LIST_FIELDS = ['authors', 'agencies'] as const
const KNOWN = new Set<string>([...TEXT_FIELDS, ...LIST_FIELDS, 'publishedAt'])

/**
 * Checks parsed front matter and keeps the fields the importer knows.
 *
 * @param value - the YAML value
 * @param file - the file's name, for error messages
 * @returns the typed front matter
 * @throws ImportError naming the field for an unknown field or a value of the wrong kind
 */
export function readFrontMatter(value: unknown, file: string): FrontMatter {
  if (value === null || value === undefined) return {}
  if (!isRecord(value)) throw new ImportError(file, 'front matter must be key: value pairs')
  const unknown = Object.keys(value).filter((key) => !KNOWN.has(key))
  if (unknown.length > 0) {
    throw new ImportError(
      file,
      `unknown front matter field "${unknown[0]}" (known: ${[...KNOWN].join(', ')})`,
    )
  }
  const frontMatter: FrontMatter = {}
  for (const field of TEXT_FIELDS) {
    const text = value[field]
    if (text === undefined || text === null) continue
    if (typeof text !== 'string' && typeof text !== 'number') {
      throw new ImportError(file, `front matter "${field}" must be text`)
    }
    if (String(text).trim()) frontMatter[field] = String(text).trim()
  }
  for (const field of LIST_FIELDS) {
    const list = value[field]
    if (list === undefined || list === null) continue
    const items = Array.isArray(list) ? list : [list]
    if (!items.every((item) => typeof item === 'string')) {
      throw new ImportError(file, `front matter "${field}" must be a name or a list of names`)
    }
    frontMatter[field] = items.map((item) => item.trim()).filter(Boolean)
  }
  const publishedAt = value['publishedAt']
  if (publishedAt !== undefined && publishedAt !== null) {
    const date = publishedAt instanceof Date ? publishedAt : new Date(String(publishedAt))
    if (Number.isNaN(date.getTime())) {
      throw new ImportError(
        file,
        `front matter "publishedAt" is not a date: ${String(publishedAt)}`,
      )
    }
    frontMatter.publishedAt = date.toISOString()
  }
  return frontMatter
}
