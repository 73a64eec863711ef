/**
 * A file name's parts as `node:path` (POSIX) reads them, without Node, so that the converter
 * runs in a browser and gives a file dropped there the id the importer gives it.
 */

/** The last part of a path, trailing slashes aside. */
function lastSegment(fileName: string): string {
  const trimmed = fileName.replace(/\/+$/, '')
  return trimmed.slice(trimmed.lastIndexOf('/') + 1)
}

/**
 * The extension: from the last dot of the file's own name, `.md` of `notes/a.md`; empty when the
 * name has no dot, or only a leading one (`.profile`), or is `..`.
 *
 * @param fileName - a file name or path
 * @returns the extension with its dot, as `path.extname` gives it
 */
export function fileExtension(fileName: string): string {
  const name = lastSegment(fileName)
  const dot = name.lastIndexOf('.')
  if (dot <= 0 || name === '..') return ''
  return name.slice(dot)
}

/**
 * The file's own name without its extension: `a` of `notes/a.md`.
 *
 * @param fileName - a file name or path
 * @returns what `path.basename(fileName, path.extname(fileName))` gives
 */
export function fileStem(fileName: string): string {
  const name = lastSegment(fileName)
  const extension = fileExtension(fileName)
  return extension && name !== extension ? name.slice(0, -extension.length) : name
}
