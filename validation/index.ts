export {createDatasetRequester} from './datasetRequester'
export type {DocumentValidation, ValidationIssue, ValidationRequest} from './protocol'
export {validateDocuments} from './validateDocuments'
