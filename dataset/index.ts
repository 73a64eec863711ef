export {hasErrorCode, isNotFound, isRecord} from './guards'
export {mapAsync, ndjsonLines, readNdjson, streamJsonLines, streamNdjson, toNdjson} from './ndjson'
export {type LineSpan, readLines, type ReadLinesOptions, readLineSpans} from './readLines'
export {writeFileAtomic, type WriteFileAtomicOptions} from './writeFileAtomic'
