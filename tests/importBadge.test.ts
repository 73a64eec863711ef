import type {DocumentBadgeProps, SanityDocument} from 'sanity'
import {expect, test} from 'vitest'

import {convertArticle} from '../importer/convert'
import {ImportBadge} from '../plugins/newsroom/importBadge'

const {article} = convertArticle('Storm closes ports\n\nThe storm closed every port.\n', {
  name: 'storm.txt',
  now: new Date('2026-03-02T09:30:00.000Z'),
}).documents
const stored = {...article, _createdAt: '', _updatedAt: '', _rev: 'r1'}
const edited = {...stored, title: 'Storm shuts ports'}
/** The edit state the Studio gives a badge, for a document with no release or version. */
function badgeProps(
  draft: SanityDocument | null,
  published: SanityDocument | null,
): DocumentBadgeProps {
  return {
    id: 'article-storm',
    type: 'article',
    transactionSyncLock: null,
    draft,
    published,
    version: null,
    liveEdit: false,
    liveEditSchemaType: false,
    ready: true,
    release: undefined,
  }
}

const IMPORTED = {label: 'Imported', color: 'primary'}
const EDITED = {label: 'Edited since import', color: 'warning'}

interface Case {
  n: number
  name: string
  draft: SanityDocument | null
  published: SanityDocument | null
}

test.each<Case & {output: object}>([
  {n: 1, name: 'a published import', draft: null, published: stored, output: IMPORTED},
  {n: 2, name: 'an import kept as a draft', draft: stored, published: null, output: IMPORTED},
  {n: 3, name: 'an edited published import', draft: null, published: edited, output: EDITED},
  {n: 4, name: 'an edited draft of an import', draft: edited, published: stored, output: EDITED},
  {n: 5, name: 'a reverted draft', draft: stored, published: edited, output: IMPORTED},
  {
    n: 6,
    name: 'keys in another order',
    draft: null,
    published: Object.assign({source: stored.source, sections: stored.sections}, stored),
    output: IMPORTED,
  },
])('ImportBadge: $n $name', ({draft, published, output}) => {
  expect(ImportBadge(badgeProps(draft, published))).toMatchObject(output)
})

test.each<Case>([
  {
    n: 1,
    name: 'an article made in the Studio',
    draft: null,
    published: {...stored, source: undefined},
  },
  {
    n: 2,
    name: 'a source with no hash',
    draft: null,
    published: {...stored, source: {fileName: 'a.txt'}},
  },
  {n: 3, name: 'no document', draft: null, published: null},
])('ImportBadge: $n no badge for $name', ({draft, published}) => {
  expect(ImportBadge(badgeProps(draft, published))).toBeNull()
})
