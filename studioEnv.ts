/**
 * Project id the Studio, CLI and scripts use. `local` is a placeholder that works with no
 * account: schema commands, builds and tests need no hosted project.
 */
export const projectId = process.env.SANITY_STUDIO_PROJECT_ID || 'local'

/** Dataset the Studio, CLI and scripts use. */
export const dataset = process.env.SANITY_STUDIO_DATASET || 'production'
