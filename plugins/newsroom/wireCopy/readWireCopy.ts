import {type ArticleConversion, convertArticle} from '../../../importer/convert'
import {slugify} from '../../../importer/documents/slugify'
import {formatByline} from '../../../schemas/formatByline'

/** Wire copy an editor gave the Studio: pasted text, or a dropped file. */
export interface WireCopy {
  /** The file's name, or one made for pasted text (see pastedFileName). */
  name: string
  text: string
  /** The headline as the editor corrected it, if they did. */
  title?: string
}

/** What the converter found, as the Studio shows it before the draft is made. */
export interface WireCopySummary {
  title: string
  /** Each section's heading (`Lead` for the headless one) and how many paragraphs it has. */
  sections: {heading: string; paragraphs: number}[]
  /** The credit as printed (`Florent Vergnes, with AFP`); empty when none was found. */
  credit: string
  /** The heading of the newsletter promo made a signup block. */
  newsletter?: string
  notes: string[]
}

/** Wire copy read: its conversion and summary, or the error the importer would report. */
export type ReadWireCopy =
  {conversion: ArticleConversion; summary: WireCopySummary} | {error: string}

/** Markdown's marks: a `#` heading, a link, bold text or a `-` list item. */
const MARKDOWN = /^#{1,6}\s|\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*|^[-*+]\s/m

/**
 * Converts wire copy as `npm run import` converts a file with its name and text.
 *
 * @param copy - the text, its file name and the headline an editor gave
 * @param now - when it is converted
 * @returns the conversion and its summary, or the error message naming the file
 */
export function readWireCopy(copy: WireCopy, now: Date): ReadWireCopy {
  try {
    const conversion = convertArticle(copy.text, {
      name: copy.name,
      now,
      ...(copy.title ? {title: copy.title} : {}),
    })
    return {conversion, summary: summarize(conversion)}
  } catch (error) {
    return {error: error instanceof Error ? error.message : String(error)}
  }
}

/**
 * A file name for pasted text, from its headline: `storm-closes-ports.md` for Markdown,
 * `.txt` for plain text. The name gives the article its id, as a file's name does.
 *
 * @param text - the pasted text
 * @returns the name, or `pasted.txt` when the text holds no article
 */
export function pastedFileName(text: string): string {
  const extension = MARKDOWN.test(text) ? '.md' : '.txt'
  const read = readWireCopy({name: `pasted${extension}`, text}, new Date(0))
  if ('error' in read) return `pasted${extension}`
  return `${slugify(read.conversion.documents.article.title, 64)}${extension}`
}

function summarize({documents, notes}: ArticleConversion): WireCopySummary {
  const {article, persons, newsletter} = documents
  return {
    title: article.title,
    sections: article.sections.map((section) => ({
      heading: section.heading ?? 'Lead',
      paragraphs: section.content.filter((item) => item._type === 'block').length,
    })),
    credit: formatByline({
      authors: persons.map((person) => person.name),
      agencies: article.byline.agencies,
    }),
    ...(newsletter?.heading ? {newsletter: newsletter.heading} : {}),
    notes,
  }
}
