import {createClient, type SanityClient} from '@sanity/client'

/**
 * A client for a local lake, configured exactly as the README documents for Node.
 *
 * @param apiHost - the lake's plain-HTTP URL
 * @returns the client
 */
export function localClient(apiHost: string): SanityClient {
  return createClient({
    projectId: 'local',
    dataset: 'production',
    apiHost,
    useProjectHostname: false,
    apiVersion: '2025-02-19',
    useCdn: false,
  })
}
