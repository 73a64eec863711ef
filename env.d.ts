// Environment variables the Studio build inlines (Sanity replaces `process.env.SANITY_STUDIO_*`).
declare global {
  namespace NodeJS {
    interface ProcessEnv {
      /** Project id of a hosted Content Lake; unset means the local lake. */
      SANITY_STUDIO_PROJECT_ID?: string
      /** Dataset name; defaults to `production`. */
      SANITY_STUDIO_DATASET?: string
      /** Content Lake API host, e.g. the local lake's `https://localhost:3334`. */
      SANITY_STUDIO_API_HOST?: string
    }
  }
}

export {}
