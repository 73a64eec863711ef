import {markdownToPortableText} from '@portabletext/markdown'
import {isPortableTextBlock, toPlainText} from '@portabletext/toolkit'

import {convertSource} from '../../importer/convert/convertSource'
import type {ContentInput} from '../../importer/documents/types'

/** The structure a tool gives an article's text, in the terms the corpus is annotated in. */
export interface Extraction {
  title: string
  /** Text blocks in reading order, headings left out. */
  paragraphs: string[]
  headings: string[]
  /** Authors and agencies credited. */
  credits: string[]
  /** Lines taken out of the text as a newsletter signup or promo. */
  trailer: string[]
  /** Everything the tool kept, anywhere, for counting the words it kept. */
  kept: string[]
}

/** A tool under comparison. */
export interface Extractor {
  name: string
  extract: (text: string, fileName: string) => Extraction
}

/** This importer: `convertSource`, exactly as `npm run import` runs it. */
export const newsroomExtractor: Extractor = {
  name: 'newsroom',
  extract: (text, fileName) => {
    const {documents, structured} = convertSource(new TextEncoder().encode(text), {
      fileName,
      importedAt: '2024-08-17T00:00:00.000Z',
      importerVersion: 'bench',
    })
    const {article, persons, newsletter} = documents
    const paragraphs: string[] = []
    const headings: string[] = []
    for (const section of article.sections) {
      if (section.heading) headings.push(section.heading)
      for (const item of section.content) {
        if (!isTextBlock(item)) continue
        const plain = toPlainText([item])
        if (item.style === 'h3') headings.push(plain)
        else paragraphs.push(plain)
      }
    }
    const trailer = [...(structured.signup?.lines ?? []), ...(structured.promoLines ?? [])]
    const credits = [...persons.map((person) => person.name), ...(article.byline.agencies ?? [])]
    const title = structured.title.derived ? '' : article.title
    const newsletterCopy = newsletter
      ? [
          newsletter.heading,
          newsletter.ctaLabel,
          newsletter.pendingMessage,
          newsletter.successMessage,
        ]
      : []
    return {
      title,
      paragraphs,
      headings,
      credits,
      trailer,
      kept: [
        title,
        ...headings,
        ...paragraphs,
        ...(article.source?.creditLines ?? []),
        ...trailer,
        ...newsletterCopy.filter((copy): copy is string => typeof copy === 'string'),
      ],
    }
  },
}

/** Blocks split on blank lines, the first one the headline: what a plain paste gives. */
export const blankLineExtractor: Extractor = {
  name: 'blank-line split',
  extract: (text) => {
    const blocks = text
      .split(/\n[ \t]*\n/)
      .map((block) => block.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
    const [title = '', ...paragraphs] = blocks
    return {title, paragraphs, headings: [], credits: [], trailer: [], kept: blocks}
  },
}

/** `@portabletext/markdown`: Markdown headings become heading blocks; the first block heads. */
export const markdownExtractor: Extractor = {
  name: '@portabletext/markdown',
  extract: (text) => {
    const blocks = markdownToPortableText(text).filter(isPortableTextBlock)
    const texts = blocks.map((block) => ({
      style: typeof block.style === 'string' ? block.style : 'normal',
      text: toPlainText([block]).replace(/\s+/g, ' ').trim(),
    }))
    const [first, ...rest] = texts
    return {
      title: first?.text ?? '',
      paragraphs: rest.filter(({style}) => !/^h\d$/.test(style)).map(({text}) => text),
      headings: rest.filter(({style}) => /^h\d$/.test(style)).map(({text}) => text),
      credits: [],
      trailer: [],
      kept: texts.map(({text}) => text),
    }
  },
}

function isTextBlock(item: ContentInput): item is Extract<ContentInput, {_type: 'block'}> {
  return item._type === 'block'
}
