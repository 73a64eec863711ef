export * from '../../schemas'
export {DEFAULT_CONFIG, type NewsroomConfig} from './constants'
export {newsroom} from './plugin'
export {newsroomDocumentNode, newsroomStructure} from './structure'
