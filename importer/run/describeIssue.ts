import {formatPath} from '../../validation/formatPath'
import type {ValidationIssue} from '../../validation/protocol'

/**
 * One line for a validation issue: the document, the field path and the rule's message.
 *
 * @param documentId - the document the issue is on
 * @param issue - the issue Sanity's validation raised
 * @returns `article-x sections[_key=="…"].heading: Every section after the lead needs a heading.`
 */
export function describeIssue(documentId: string, issue: ValidationIssue): string {
  return `${documentId} ${formatPath(issue.path)}: ${issue.message}`
}
