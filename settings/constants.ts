// The project's defaults: plain values, so the newsroom plugin can use them in any Studio
// without reading this project's environment.

/** The placeholder project id of the local Content Lake: no account, no network. */
export const LOCAL_PROJECT_ID = 'local'

/** The dataset name used when `SANITY_STUDIO_DATASET` is unset. */
export const DEFAULT_DATASET_NAME = 'production'

/** Content Lake API version the Studio's own code, the importer and the commands use. */
export const API_VERSION = '2025-02-19'

/** Where the local Content Lake (`npm run lake`, `npm run dev`) listens by default. */
export const LOCAL_LAKE_PORT = 3334

/** The local dataset file the commands read and write by default. */
export const DEFAULT_DATA_FILE = 'data/production.ndjson'
