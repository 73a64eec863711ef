import {isRecord, type Path, type SchemaType} from 'sanity'

/**
 * Names the field a validation marker is on as the Studio's form and validation panel title it:
 * each field by its title, each array item by its type's title and position. Editors find the
 * field by these words; the raw path (`sections[_key=="…"].heading`) means nothing to them.
 *
 * @param schemaType - the document's type in the Studio schema
 * @param document - the document validated, to find array items by key
 * @param path - the marker's path
 * @returns e.g. `Byline` or `Sections › Section 2 › Heading`; empty for the document itself
 */
export function fieldTitle(schemaType: SchemaType, document: unknown, path: Path): string {
  const titles: string[] = []
  let type: SchemaType | undefined = schemaType
  let value: unknown = document
  for (const segment of path) {
    if (typeof segment === 'string') {
      const field: {type: SchemaType} | undefined =
        type?.jsonType === 'object' ? type.fields.find(({name}) => name === segment) : undefined
      titles.push(field?.type.title ?? segment)
      type = field?.type
      value = isRecord(value) ? value[segment] : undefined
      continue
    }
    const items = Array.isArray(value) ? value : []
    const index =
      typeof segment === 'number'
        ? segment
        : isRecord(segment) && '_key' in segment
          ? items.findIndex((item) => isRecord(item) && item['_key'] === segment._key)
          : -1
    value = items[index]
    const itemTypeName = isRecord(value) ? value['_type'] : undefined
    const itemType: SchemaType | undefined =
      type?.jsonType === 'array'
        ? (type.of.find(({name}) => name === itemTypeName) ?? type.of[0])
        : undefined
    titles.push(`${itemType?.title ?? 'Item'}${index >= 0 ? ` ${index + 1}` : ''}`)
    type = itemType
  }
  return titles.join(' › ')
}
