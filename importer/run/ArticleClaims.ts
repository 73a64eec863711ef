import type {Conversion} from '../convertSource'
import {ImportError} from '../ImportError'

/**
 * The article ids and slugs a whole run has produced: an id twice is an error (two files would
 * write one article); a slug twice is a clash, which fails both files.
 */
export class ArticleClaims {
  readonly #ids = new Map<string, string>()
  // A slug's first file, and every file of the few slugs claimed more than once.
  readonly #slugs = new Map<string, string>()
  readonly #shared = new Map<string, string[]>()

  /** @throws ImportError when another file already produced the article's id */
  claim({fileName, documents: {article}}: Conversion): void {
    const other = this.#ids.get(article._id)
    if (other)
      throw new ImportError(fileName, `${article._id} is also produced by ${other}; give one an id`)
    this.#ids.set(article._id, fileName)
    const slug = article.slug.current
    const first = this.#slugs.get(slug)
    if (first === undefined) this.#slugs.set(slug, fileName)
    else this.#shared.set(slug, [...(this.#shared.get(slug) ?? [first]), fileName])
  }

  /** Files whose article slug another file's article also has, with the slug. */
  clashes(): Map<string, {slug: string; others: string[]}> {
    const clashing = new Map<string, {slug: string; others: string[]}>()
    for (const [slug, fileNames] of this.#shared) {
      for (const fileName of fileNames)
        clashing.set(fileName, {slug, others: fileNames.filter((name) => name !== fileName)})
    }
    return clashing
  }
}
