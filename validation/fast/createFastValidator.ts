import {PURE_RULES} from '../../schemas/rules'
import {schemaTypes} from '../../schemas/schemaTypes'
import type {Validator} from '../protocol'
import {createScreenedValidator, type ScreenedValidator} from './createScreenedValidator'
import {loadStudioRules} from './studioRules'

/**
 * The importer's validator: the content model's rules checked without Sanity, and Sanity's own
 * validation (the Studio workspace in a worker) started only for a document that has a problem
 * or a rule only Sanity can evaluate. Its verdicts and markers are Sanity's.
 *
 * @param startSanity - starts Sanity's validation; `createValidator` unless a test passes its own
 * @returns the validator, with how many documents it passed and sent to Sanity so far
 */
export function createFastValidator(
  startSanity: () => Promise<Validator> = async () =>
    (await import('../createValidator')).createValidator(),
): ScreenedValidator {
  return createScreenedValidator({
    rules: loadStudioRules(schemaTypes),
    pureRules: PURE_RULES,
    startSanity,
  })
}
