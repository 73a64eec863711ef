import type {ValidationIssue} from '../../validation/protocol'

/**
 * One line for a validation issue, in the words the Studio shows: the field as its form titles
 * it and the rule's message. An issue on another document than the article (a person or
 * newsletter it creates) names that document first.
 *
 * @param documentId - the document the issue is on, when it is not the article
 * @param issue - the issue Sanity's validation raised
 * @returns `Byline: Credit at least one author or one agency.`, or
 *   `person-x › Name: Add the name as it should appear in bylines.`
 */
export function describeIssue(documentId: string | undefined, issue: ValidationIssue): string {
  const where = [documentId, issue.field].filter(Boolean).join(' › ')
  return where ? `${where}: ${issue.message}` : issue.message
}
