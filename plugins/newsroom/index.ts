export {newsroom} from './plugin'
export {newsroomStructure} from './structure'
