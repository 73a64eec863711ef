import {isRecord} from '../../dataset/guards'
import type {Verdict} from './checkRule'
import type {DatasetQuestions} from './DatasetIndex'
import {type Screen, screenDocument} from './screenDocument'

/** One question a screen asked of the dataset, with the answer its verdict was reached on. */
export type DatasetQuestion =
  | {has: string; answer: boolean}
  | {slugTaken: [type: string, field: string, slug: string, publishedId: string]; answer: boolean}

/**
 * A document screened before its dataset is known: the verdict reached on assumed answers (every
 * referenced document exists, no other document holds its slug), and the questions asked.
 */
export interface Prescreen {
  verdict: Verdict
  asked: DatasetQuestion[]
}

/**
 * Screens a document where it is made, before the documents it is checked against are known (the
 * conversion worker, which never sees the dataset). The walk is {@link screenDocument}'s, and the
 * dataset's answers are the ones a valid document gets; each question is recorded with its
 * answer. Once the dataset is known, {@link confirmPrescreen} asks them again: when every answer
 * is the same, the walk would have been the same, and so is the verdict.
 *
 * @param document - the document as it will be validated, system fields included
 * @param screen - the schema's rules and the custom rules that may be called
 * @returns the verdict and the questions it rests on
 */
export function prescreenDocument(document: unknown, screen: Omit<Screen, 'dataset'>): Prescreen {
  const asked: DatasetQuestion[] = []
  const assumed: DatasetQuestions = {
    has: (id) => {
      asked.push({has: id, answer: true})
      return true
    },
    slugTaken: (...slug) => {
      asked.push({slugTaken: slug, answer: false})
      return false
    },
  }
  return {verdict: screenDocument(document, {...screen, dataset: assumed}), asked}
}

/**
 * The verdict {@link screenDocument} gives a prescreened document against this dataset, when the
 * dataset answers every question the prescreen asked as the prescreen assumed.
 *
 * @param prescreen - from {@link prescreenDocument}, for the document exactly as validated
 * @param dataset - the documents it is validated against
 * @returns the prescreen's verdict, or undefined when the dataset answers otherwise and the
 *   document must be screened again
 */
export function confirmPrescreen(
  prescreen: Prescreen,
  dataset: DatasetQuestions,
): Verdict | undefined {
  const same = prescreen.asked.every((question) =>
    'has' in question
      ? dataset.has(question.has) === question.answer
      : dataset.slugTaken(...question.slugTaken) === question.answer,
  )
  return same ? prescreen.verdict : undefined
}

/**
 * Narrows a value to a prescreen, as it arrives from another thread.
 *
 * @param value - anything
 * @returns true for a verdict and a list of questions, each answered
 */
export function isPrescreen(value: unknown): value is Prescreen {
  if (!isRecord(value) || !Array.isArray(value['asked'])) return false
  const {verdict} = value
  return (
    (verdict === 'valid' || verdict === 'problem' || verdict === 'unknown') &&
    value['asked'].every(isDatasetQuestion)
  )
}

function isDatasetQuestion(value: unknown): value is DatasetQuestion {
  if (!isRecord(value) || typeof value['answer'] !== 'boolean') return false
  if (typeof value['has'] === 'string') return true
  const slug = value['slugTaken']
  return Array.isArray(slug) && slug.length === 4 && slug.every((part) => typeof part === 'string')
}
