import {createClient, type SanityClient} from '@sanity/client'

import {API_VERSION, DEFAULT_DATASET_NAME, LOCAL_PROJECT_ID} from '../../settings'

/**
 * A client for a local lake, configured exactly as the README documents for Node.
 *
 * @param apiHost - the lake's plain-HTTP URL
 * @returns the client
 */
export function localClient(apiHost: string): SanityClient {
  return createClient({
    projectId: LOCAL_PROJECT_ID,
    dataset: DEFAULT_DATASET_NAME,
    apiHost,
    useProjectHostname: false,
    apiVersion: API_VERSION,
    useCdn: false,
  })
}
