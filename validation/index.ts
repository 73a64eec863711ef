export {createDatasetRequester} from './datasetRequester'
export {formatPath} from './formatPath'
export type {DocumentValidation, ValidationIssue, ValidationRequest} from './protocol'
export {validateDocuments} from './validateDocuments'
