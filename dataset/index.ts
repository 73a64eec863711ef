export {hasErrorCode, isNotFound, isRecord} from './guards'
export {
  isJsonBlank,
  JsonDepthError,
  onlyMemberValue,
  parseJsonBytes,
  type ParseJsonBytesOptions,
  Utf8Builder,
} from './jsonBytes'
export {mapAsync, ndjsonLines, readNdjson, streamJsonLines, streamNdjson, toNdjson} from './ndjson'
export {type LineSpan, readLines, type ReadLinesOptions, readLineSpans} from './readLines'
export {
  type FileHandleLike,
  type OpenFile,
  writeFileAtomic,
  type WriteFileAtomicOptions,
} from './writeFileAtomic'
