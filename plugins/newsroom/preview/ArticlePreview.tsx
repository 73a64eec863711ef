import {Card, Flex, Text} from '@sanity/ui'
import {useEffect, useMemo, useState} from 'react'
import {useClient} from 'sanity'
import type {UserViewComponent} from 'sanity/structure'

import {renderPage} from '../../../render/renderPage'
import {API_VERSION} from '../../../settings/constants'
import {previewArticle, referencedIds} from './previewArticle'

/**
 * The "Preview" view beside an article's form: the article rendered as readers will see it,
 * by the same renderer as `npm run preview`, updated as the editor types. The page runs in a
 * sandboxed frame with no scripts.
 *
 * @param props - the document the view shows
 * @returns the rendered article, or why there is none yet
 */
export const ArticlePreview: UserViewComponent = ({document}) => {
  const client = useClient({apiVersion: API_VERSION})
  const {displayed} = document
  const ids = useMemo(() => referencedIds(displayed), [displayed])
  const idsKey = ids.join(',')
  const [referenced, setReferenced] = useState<unknown[]>([])
  const [html, setHtml] = useState<string>()

  useEffect(() => {
    let current = true
    const wanted = idsKey ? idsKey.split(',') : []
    client
      .getDocuments(wanted)
      .then((documents) => current && setReferenced(documents.filter(Boolean)))
      .catch(() => current && setReferenced([]))
    return () => {
      current = false
    }
  }, [client, idsKey])

  useEffect(() => {
    let current = true
    void previewArticle(displayed, referenced).then(
      (article) => current && setHtml(article ? renderPage(article) : undefined),
      () => current && setHtml(undefined),
    )
    return () => {
      current = false
    }
  }, [displayed, referenced])

  if (!html) {
    return (
      <Flex align="center" justify="center" height="fill" padding={5}>
        <Text muted>The preview shows once the article has a headline and a section.</Text>
      </Flex>
    )
  }
  return (
    <Card height="fill" data-testid="article-preview">
      <iframe
        title="Article preview"
        srcDoc={html}
        sandbox=""
        style={{border: 0, width: '100%', height: '100%', display: 'block'}}
      />
    </Card>
  )
}
