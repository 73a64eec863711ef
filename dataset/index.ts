export {isRecord} from './isRecord'
export {readNdjson} from './readNdjson'
export {toNdjson} from './toNdjson'
export {writeFileAtomic} from './writeFileAtomic'
