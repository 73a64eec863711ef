// The environment variables that override the project's defaults, for the Studio (in the
// browser), its CLI config and every command. No Node imports: the Studio bundles this file.

import {DEFAULT_DATASET_NAME, LOCAL_LAKE_PORT, LOCAL_PROJECT_ID} from './constants'

/** The environment variables the settings read; any other entry is ignored. */
export type SettingsEnv = Readonly<Record<string, string | undefined>>

/** Where the Studio and the commands find their content. */
export interface Settings {
  /** `SANITY_STUDIO_PROJECT_ID`, or {@link LOCAL_PROJECT_ID}. */
  projectId: string
  /** `SANITY_STUDIO_DATASET`, or {@link DEFAULT_DATASET_NAME}. */
  dataset: string
  /**
   * `SANITY_STUDIO_API_HOST`; for the local project, the local lake over TLS (HTTP/2, so the
   * Studio's many event streams do not exhaust a browser's connections). Unset for a hosted
   * project: Sanity's API.
   */
  apiHost?: string
  /** `SANITY_API_WRITE_TOKEN`, or `SANITY_AUTH_TOKEN`: read by commands, never bundled. */
  token?: string
  /** Whether this is a hosted project rather than the local lake. */
  hosted: boolean
}

/**
 * Reads the settings from an environment, applying the defaults. Empty values count as unset.
 *
 * @param env - the environment (`process.env`, or a command's own)
 * @returns the settings
 */
export function readSettings(env: SettingsEnv): Settings {
  const projectId = env['SANITY_STUDIO_PROJECT_ID'] || LOCAL_PROJECT_ID
  const hosted = projectId !== LOCAL_PROJECT_ID
  const apiHost =
    env['SANITY_STUDIO_API_HOST'] || (hosted ? undefined : `https://localhost:${LOCAL_LAKE_PORT}`)
  const token = env['SANITY_API_WRITE_TOKEN'] || env['SANITY_AUTH_TOKEN']
  return {
    projectId,
    dataset: env['SANITY_STUDIO_DATASET'] || DEFAULT_DATASET_NAME,
    ...(apiHost ? {apiHost} : {}),
    ...(token ? {token} : {}),
    hosted,
  }
}

/**
 * The settings of the Studio and its CLI config. Each variable is read as a literal
 * `process.env.SANITY_STUDIO_*`, the form Sanity's build replaces with its value.
 */
export const studioSettings: Settings = readSettings({
  SANITY_STUDIO_PROJECT_ID: process.env.SANITY_STUDIO_PROJECT_ID,
  SANITY_STUDIO_DATASET: process.env.SANITY_STUDIO_DATASET,
  SANITY_STUDIO_API_HOST: process.env.SANITY_STUDIO_API_HOST,
})
