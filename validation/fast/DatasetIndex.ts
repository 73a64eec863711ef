import {getPublishedId} from '@sanity/client/csm'

import {isRecord} from '../../dataset/guards'

/** The two questions Sanity's rules ask of a dataset, as the fast path's checks ask them. */
export interface DatasetQuestions {
  /**
   * @param id - a document id, exactly (a draft does not stand for its published document)
   * @returns whether the dataset holds it
   */
  has: (id: string) => boolean
  /**
   * Sanity's default slug check: is there a document of `type` with `field.current === slug`
   * that is not `publishedId` itself, its draft or one of its versions?
   *
   * @param type - the document type
   * @param field - the slug field on the document, e.g. `slug`
   * @param slug - the slug's `current`
   * @param publishedId - the published id of the document being checked
   * @returns whether another document holds the slug
   */
  slugTaken: (type: string, field: string, slug: string, publishedId: string) => boolean
}

/**
 * The documents a validation is checked against, indexed for the two questions Sanity's rules
 * ask of a dataset: does a document with this id exist, and does another document hold this
 * slug. Built once per batch; each slug field is indexed the first time it is asked about. Only
 * each document's id, type and top-level slug fields are read.
 */
export class DatasetIndex implements DatasetQuestions {
  readonly #documents: readonly Record<string, unknown>[]
  readonly #ids: ReadonlySet<string>
  readonly #slugs = new Map<string, Map<string, string[]>>()

  /**
   * @param documents - the dataset with the batch, one document per id (the worker's `known`)
   */
  constructor(documents: Iterable<unknown>) {
    this.#documents = [...documents].filter(isRecord)
    this.#ids = new Set(this.#documents.map((document) => document['_id']).filter(isString))
  }

  /** {@inheritDoc DatasetQuestions.has} */
  has(id: string): boolean {
    return this.#ids.has(id)
  }

  /** {@inheritDoc DatasetQuestions.slugTaken} */
  slugTaken(type: string, field: string, slug: string, publishedId: string): boolean {
    const holders = this.#slugField(field).get(`${type}\u0000${slug}`) ?? []
    // GROQ's `sanity::versionOf`: the id itself, `drafts.<id>` or `versions.<release>.<id>`.
    return holders.some((id) => getPublishedId(id) !== publishedId)
  }

  #slugField(field: string): Map<string, string[]> {
    let index = this.#slugs.get(field)
    if (index) return index
    index = new Map()
    for (const document of this.#documents) {
      const {_id: id, _type: type} = document
      const slug = document[field]
      if (!isString(id) || !isString(type) || !isRecord(slug) || !isString(slug['current']))
        continue
      const key = `${type}\u0000${slug['current']}`
      index.set(key, [...(index.get(key) ?? []), id])
    }
    this.#slugs.set(field, index)
    return index
  }
}

function isString(value: unknown): value is string {
  return typeof value === 'string'
}
