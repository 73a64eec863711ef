import type {ConvertedArticle} from '../convert/convertSource'
import type {AnyDocuments} from '../documents/articleBody'
import {withSlug} from '../documents/buildDocuments'
import {ImportError} from '../shared/ImportError'

/** Finds the stored articles holding slugs: see `ImportTarget.slugOwners`. */
export type SlugOwners = (slugs: readonly string[]) => Promise<Map<string, string[]>>

/** What slugs are claimed for: a file's documents, if it converted, and its review notes. */
export interface ClaimingFile {
  conversion?: {documents: AnyDocuments}
  /** Why an editor must check the article before it is published. */
  review?: string[]
}

/** Suffixed slugs looked up at once when a slug is taken. */
const LOOKAHEAD = 8
/** The slug field's `maxLength`. */
const MAX_SLUG = 96

/**
 * The article ids and slugs a run has given out. An id produced twice is an error (two files
 * would write one article). A slug is taken by the first article that wants it — earlier in the
 * run, or stored under another id — and a later article gets the next free `<slug>-2`, `-3`…:
 * both are imported, and a re-run in the same order gives the same slugs, since an article's
 * own stored slug never counts as taken.
 */
export class ArticleClaims {
  // One entry per article of the run: its file by id, its id by slug.
  readonly #ids = new Map<string, string>()
  readonly #slugs = new Map<string, string>()

  /**
   * Claims a converted article's id for its file.
   *
   * @param fileName - the file as the run names it: kept for the whole run, so the run's own
   *   string, not a copy the conversion brought back from another thread
   * @param conversion - the file's conversion
   * @throws ImportError when another file already produced the article's id
   */
  claimId(fileName: string, {documents: {article}}: Pick<ConvertedArticle, 'documents'>): void {
    const other = this.#ids.get(article._id)
    if (other)
      throw new ImportError(fileName, `${article._id} is also produced by ${other}; give one an id`)
    this.#ids.set(article._id, fileName)
  }

  /**
   * Gives each article, in order, a slug no other article holds.
   *
   * @param files - a batch's files, in report order
   * @param slugOwners - looks up the stored articles holding slugs
   * @returns the files; an article whose slug changed is rebuilt with its new slug and a note
   *   for the editor to review it
   */
  async claimSlugs<File extends ClaimingFile>(
    files: readonly File[],
    slugOwners: SlugOwners,
  ): Promise<File[]> {
    const conversions = files.flatMap(({conversion}) => (conversion ? [conversion] : []))
    const stored = new Map<string, readonly string[]>()
    const lookUp = async (slugs: readonly string[]) => {
      const missing = [...new Set(slugs.filter((slug) => !stored.has(slug)))]
      if (missing.length === 0) return
      const found = await slugOwners(missing)
      for (const slug of missing) stored.set(slug, found.get(slug) ?? [])
    }
    await lookUp(conversions.map(({documents}) => documents.article.slug.current))
    const claimed: File[] = []
    for (const file of files) {
      const {conversion} = file
      if (!conversion) {
        claimed.push(file)
        continue
      }
      const id = conversion.documents.article._id
      const wanted = conversion.documents.article.slug.current
      const holder = (slug: string) =>
        [this.#slugs.get(slug), ...(stored.get(slug) ?? [])].find(
          (other) => other !== undefined && other !== id,
        )
      let slug = wanted
      for (let suffix = 2; holder(slug) !== undefined; suffix++) {
        if (!stored.has(suffixed(wanted, suffix))) {
          const next = Array.from({length: LOOKAHEAD}, (_, step) => suffix + step)
          await lookUp(next.map((each) => suffixed(wanted, each)))
        }
        slug = suffixed(wanted, suffix)
      }
      this.#slugs.set(slug, id)
      if (slug === wanted) {
        claimed.push(file)
        continue
      }
      const note = `Slug: "${wanted}" is already the slug of ${holder(wanted)}, so this article's slug is "${slug}"; check it before publishing.`
      claimed.push({
        ...file,
        conversion: {...conversion, documents: withSlug(conversion.documents, slug)},
        review: [...(file.review ?? []), note],
      })
    }
    return claimed
  }
}

/** `<slug>-<n>`, the slug cut so the whole stays within the slug field's length. */
function suffixed(slug: string, suffix: number): string {
  const tail = `-${suffix}`
  return `${slug.slice(0, MAX_SLUG - tail.length).replace(/-+$/, '')}${tail}`
}
