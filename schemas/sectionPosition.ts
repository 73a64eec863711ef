import {isKeyedObject, isRecord, type Path} from 'sanity'

/**
 * Finds the sections array of a document and the index of the section a validation path
 * points into (`['sections', {_key}, …]`), or -1 when the path is not inside a section.
 */
export function sectionPosition(
  document: unknown,
  path: Path | undefined,
): {sections: unknown[]; index: number} {
  const sections =
    isRecord(document) && Array.isArray(document['sections']) ? document['sections'] : []
  const step = path?.[1]
  if (!isKeyedObject(step)) return {sections, index: -1}
  const index = sections.findIndex(
    (section) => isKeyedObject(section) && section._key === step._key,
  )
  return {sections, index}
}

/** Reads the anchor (`anchor.current`) of a section value, or undefined when it has none. */
export function sectionAnchor(section: unknown): string | undefined {
  if (!isRecord(section) || !isRecord(section['anchor'])) return undefined
  const current = section['anchor']['current']
  return typeof current === 'string' ? current : undefined
}
