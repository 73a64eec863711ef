export {buildQueryView, type QueryView} from './buildQueryView'
export {narrowQuery} from './narrowQuery'
