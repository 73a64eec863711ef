/**
 * Project id the Studio, CLI and scripts use. `local` is a placeholder that works with no
 * account: schema commands, builds and tests need no hosted project.
 */
export const projectId = process.env.SANITY_STUDIO_PROJECT_ID || 'local'

/** Dataset the Studio, CLI and scripts use. */
export const dataset = process.env.SANITY_STUDIO_DATASET || 'production'

/** Content Lake API version the Studio's own code, the importer and scripts use. */
export const API_VERSION = '2025-02-19'

/** Where the local Content Lake (`npm run lake`) listens by default. */
export const LOCAL_LAKE_PORT = 3334

/**
 * The Content Lake API host. Without a hosted project the Studio talks to the local lake over
 * TLS (HTTP/2, so its many event streams do not exhaust the browser's connections); a hosted
 * project uses Sanity's API unless `SANITY_STUDIO_API_HOST` says otherwise.
 */
export const apiHost =
  process.env.SANITY_STUDIO_API_HOST ||
  (projectId === 'local' ? `https://localhost:${LOCAL_LAKE_PORT}` : undefined)
