import {htmlToBlocks} from '@portabletext/block-tools'
import {Schema} from '@sanity/schema'
import {isArrayOfBlocksSchemaType} from '@sanity/types'
import {JSDOM} from 'jsdom'

/**
 * Sets up `@portabletext/block-tools` as a Node importer would: the block content type compiled
 * once with `@sanity/schema` (as block-tools' README does) and ONE jsdom window whose
 * `DOMParser` parses every article, since a fresh `JSDOM` per article would mostly measure
 * jsdom's window setup.
 *
 * @returns a converter from one article's HTML to the NDJSON line a Content Lake would receive
 */
export function createBlockTools(): (html: string, fileName: string) => string {
  const blockContentType: unknown = Schema.compile({
    name: 'bench',
    types: [
      {
        name: 'body',
        type: 'array',
        of: [
          {
            type: 'block',
            styles: [
              {title: 'Normal', value: 'normal'},
              {title: 'Heading 2', value: 'h2'},
              {title: 'Heading 3', value: 'h3'},
              {title: 'Quote', value: 'blockquote'},
            ],
            lists: [
              {title: 'Bullet', value: 'bullet'},
              {title: 'Numbered', value: 'number'},
            ],
            marks: {
              decorators: [
                {title: 'Strong', value: 'strong'},
                {title: 'Emphasis', value: 'em'},
              ],
              annotations: [{name: 'link', type: 'object', fields: [{name: 'href', type: 'url'}]}],
            },
          },
        ],
      },
    ],
  }).get('body')
  if (!isArrayOfBlocksSchemaType(blockContentType)) {
    throw new Error('createBlockTools(): the compiled body type is not an array of blocks')
  }
  const {window} = new JSDOM('')
  const parseHtml = (html: string) => new window.DOMParser().parseFromString(html, 'text/html')
  return (html, fileName) => {
    // Keys come from block-tools' default generator (`randomKey(12)`).
    const body = htmlToBlocks(html, blockContentType, {parseHtml})
    return JSON.stringify({
      _id: `article-${fileName.replace(/\.\w+$/, '')}`,
      _type: 'article',
      body,
    })
  }
}
