export {createValidator} from './createValidator'
export {createDatasetRequester} from './datasetRequester'
export {formatPath} from './formatPath'
export type {
  DocumentValidation,
  ValidationIssue,
  ValidationRequest,
  Validator,
} from './protocol'
export {validateDocuments} from './validateDocuments'
