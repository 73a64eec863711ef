import type {Path} from 'sanity'

/**
 * Formats a Sanity document path the way GROQ and Sanity's own tools print it:
 * `sections[_key=="lead"].content[0].href`.
 *
 * @param path - a path from a validation marker
 * @returns the printed path, or `(document)` for the document root
 */
export function formatPath(path: Path): string {
  let printed = ''
  for (const step of path) {
    if (typeof step === 'string') printed += printed ? `.${step}` : step
    else if (typeof step === 'number') printed += `[${step}]`
    else if (Array.isArray(step)) printed += `[${step.join(':')}]`
    else printed += `[_key==${JSON.stringify(step._key)}]`
  }
  return printed || '(document)'
}
