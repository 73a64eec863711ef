import type {Path} from 'sanity'

import {isRecord} from '../dataset/guards'

/*
 * The content model's custom rules: what Sanity's built-in rules cannot say. Kept apart from
 * the type definitions, and free of the `sanity` package at run time, so they can be tested
 * as plain functions.
 */

/**
 * Custom rule: a byline must credit at least one author or agency. A missing byline passes;
 * whether one is needed is the `required` rule of the field that holds it. Fields of type
 * `byline` that declare their own validation replace the type's, so they add this rule too.
 *
 * @param value - a byline value
 * @returns true, or the message for the editor
 */
export function validateCredit(value: unknown): true | string {
  if (value === undefined) return true
  if (isRecord(value)) {
    const {authors, agencies} = value
    if (Array.isArray(authors) && authors.length > 0) return true
    if (Array.isArray(agencies) && agencies.length > 0) return true
  }
  return 'Credit at least one author or one agency.'
}

/** Where a rule is checking: the document and the path of the value. */
interface RuleContext {
  document?: unknown
  path?: Path
}

/**
 * Custom rule: every section but the lead (the first) needs a heading; blank counts as none.
 *
 * @param heading - the section's heading
 * @param context - the document and the heading's path
 * @returns true, or the message for the editor
 */
export function validateSectionHeading(heading: unknown, context: RuleContext): true | string {
  if (typeof heading === 'string' && heading.trim()) return true
  const {index} = sectionPosition(context.document, context.path)
  return index <= 0 || 'Every section after the lead needs a heading.'
}

/**
 * Slug uniqueness for section anchors: unique within the article, not across the dataset as
 * Sanity's default check would require.
 *
 * @param anchor - the anchor being checked
 * @param context - the document and the anchor's path
 * @returns whether no other section of the article has that anchor
 */
export function isUniqueSectionAnchor(anchor: unknown, context: RuleContext): boolean {
  const {sections} = sectionPosition(context.document, context.path)
  return sections.filter((other) => sectionAnchor(other) === anchor).length <= 1
}

/**
 * The rules above, for validators that call rules directly rather than through Sanity: each
 * reads only its value, the document and the path, and answers at once.
 */
export const PURE_RULES: readonly ((
  value: unknown,
  context: RuleContext,
) => true | string | boolean)[] = [validateCredit, validateSectionHeading, isUniqueSectionAnchor]

/**
 * Finds the sections array of a document and the index of the section a validation path
 * points into (`['sections', {_key}, …]`), or -1 when the path is not inside a section.
 */
function sectionPosition(
  document: unknown,
  path: Path | undefined,
): {sections: unknown[]; index: number} {
  const sections =
    isRecord(document) && Array.isArray(document['sections']) ? document['sections'] : []
  const step = path?.[1]
  if (!isKeyed(step)) return {sections, index: -1}
  const index = sections.findIndex((section) => isKeyed(section) && section._key === step._key)
  return {sections, index}
}

/** Reads the anchor (`anchor.current`) of a section value, or undefined when it has none. */
function sectionAnchor(section: unknown): string | undefined {
  if (!isRecord(section) || !isRecord(section['anchor'])) return undefined
  const current = section['anchor']['current']
  return typeof current === 'string' ? current : undefined
}

function isKeyed(value: unknown): value is {_key: string} {
  return isRecord(value) && typeof value['_key'] === 'string'
}
