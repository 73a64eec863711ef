import {parseDocument} from 'yaml'

import {ImportError} from '../shared/ImportError'
import {parseFlatYaml} from './parseFlatYaml'
import {type FrontMatter, readFrontMatter} from './readFrontMatter'

/** A source text with its front matter taken off. */
export interface SourceText {
  frontMatter: FrontMatter
  /** The text after the front matter. */
  body: string
  /** Number of lines before `body` in the file, so body line n is file line n + lineOffset. */
  lineOffset: number
}

const OPENING = /^---[ \t]*\n/
const CLOSING = /^---[ \t]*$/m

/**
 * Splits optional YAML front matter (between `---` lines at the top) from the article text.
 *
 * @param text - the decoded file, LF line endings
 * @param file - the file's name, for error messages
 * @returns the front matter (empty when there is none) and the body
 * @throws ImportError when the front matter is unterminated, not YAML, or has unknown or
 *   ill-typed fields; the message gives the file line
 */
export function splitFrontMatter(text: string, file: string): SourceText {
  const opening = OPENING.exec(text)
  if (!opening) return {frontMatter: {}, body: text, lineOffset: 0}
  const rest = text.slice(opening[0].length)
  const closing = CLOSING.exec(rest)
  if (!closing)
    throw new ImportError(file, 'front matter opened with --- is never closed', {line: 1})
  const yaml = rest.slice(0, closing.index)
  const value = parseFlatYaml(yaml) ?? parseYaml(yaml, file)
  const afterClosing = rest.slice(closing.index + closing[0].length).replace(/^\n/, '')
  const lineOffset = text.slice(0, text.length - afterClosing.length).split('\n').length - 1
  return {frontMatter: readFrontMatter(value, file), body: afterClosing, lineOffset}
}

/** A full YAML parse, for front matter that is more than flat text; errors give the file line. */
function parseYaml(yaml: string, file: string): unknown {
  const document = parseDocument(yaml, {prettyErrors: false})
  const [error] = document.errors
  if (error) {
    const line = 1 + (error.linePos?.[0].line ?? 1)
    throw new ImportError(file, `front matter is not valid YAML: ${error.message.split('\n')[0]}`, {
      line,
    })
  }
  return document.toJS()
}
