import {expect, test} from 'vitest'

import {newsletterBlock} from '../schemas/newsletterBlock'

/** What the preview selects, each field unset unless given. */
function selected(fields: Readonly<Record<string, string | undefined>>) {
  return {
    heading: undefined,
    ctaLabel: undefined,
    pendingMessage: undefined,
    successMessage: undefined,
    newsletterTitle: undefined,
    newsletterHeading: undefined,
    newsletterCtaLabel: undefined,
    newsletterPending: undefined,
    newsletterSuccess: undefined,
    ...fields,
  }
}

const NEWSLETTER = {
  newsletterTitle: 'The Morning Brief',
  newsletterHeading: 'Get the Morning Brief',
  newsletterCtaLabel: 'Subscribe',
  newsletterPending: 'Please wait...',
  newsletterSuccess: 'Thank you!',
}

test.each([
  {
    n: 1,
    name: 'the newsletter’s own copy',
    selection: NEWSLETTER,
    output: {
      title: 'Get the Morning Brief',
      subtitle: 'Button: “Subscribe” · Newsletter: The Morning Brief',
      description: 'While sending: “Please wait...” · After signing up: “Thank you!”',
    },
  },
  {
    n: 2,
    name: 'the block’s overrides over it',
    selection: {...NEWSLETTER, heading: 'Brief me', ctaLabel: 'Yes', successMessage: 'Done'},
    output: {
      title: 'Brief me',
      subtitle: 'Button: “Yes” · Newsletter: The Morning Brief',
      description: 'While sending: “Please wait...” · After signing up: “Done”',
    },
  },
  {
    n: 3,
    name: 'empty overrides as no overrides, and the default button',
    selection: {newsletterTitle: 'The Morning Brief', heading: '', ctaLabel: ''},
    output: {
      title: 'The Morning Brief',
      subtitle: 'Button: “Sign up” · Newsletter: The Morning Brief',
    },
  },
  {
    n: 4,
    name: 'no newsletter chosen',
    selection: {},
    output: {title: 'Newsletter signup', subtitle: 'No newsletter chosen'},
  },
])('newsletterBlock: $n previews $name', ({selection, output}) => {
  const {media: _media, ...preview} = newsletterBlock.preview?.prepare?.(selected(selection)) ?? {}
  expect(preview).toStrictEqual(output)
})
