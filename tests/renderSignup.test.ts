import {describe, expect, test} from 'vitest'

import {type RenderableSignup, renderSignup} from '../render'
import {dailySignup} from './fixtures/frontEndQueries'

/** The daily newsletter's block with all its copy. */
const daily: RenderableSignup = {...dailySignup, _key: 'k1'}

const FIELDS =
  '<h2 id="signup-k1-heading">Subscribe to our newsletter</h2>' +
  '<label for="signup-k1-email">Email address</label>' +
  '<input id="signup-k1-email" name="email" type="email" autocomplete="email" required>' +
  '<button type="submit">Newsletter signup</button>'
const PENDING = '<p class="signup-pending" data-state="pending" hidden>Please wait...</p>'
const SUCCESS = '<p class="signup-success" data-state="success" hidden>Thank you for sign up!</p>'

/** Signup blocks and the form each renders. */
const cases: {n: number; name: string; input: RenderableSignup; output: string}[] = [
  {
    n: 1,
    name: 'every message',
    input: daily,
    output:
      '<form class="newsletter-signup" method="post" action="/newsletter/daily" aria-labelledby="signup-k1-heading" data-pending-message="Please wait..." data-success-message="Thank you for sign up!">' +
      `${FIELDS}<div role="status" aria-live="polite">${PENDING}${SUCCESS}</div></form>`,
  },
  {
    n: 2,
    name: 'a newsletter without a slug posts to its id',
    input: {...daily, newsletter: {...daily.newsletter, slug: null}},
    output:
      '<form class="newsletter-signup" method="post" action="/newsletter/newsletter-daily" aria-labelledby="signup-k1-heading" data-pending-message="Please wait..." data-success-message="Thank you for sign up!">' +
      `${FIELDS}<div role="status" aria-live="polite">${PENDING}${SUCCESS}</div></form>`,
  },
  {
    n: 3,
    name: 'no pending message',
    input: {...daily, pendingMessage: null},
    output:
      '<form class="newsletter-signup" method="post" action="/newsletter/daily" aria-labelledby="signup-k1-heading" data-success-message="Thank you for sign up!">' +
      `${FIELDS}<div role="status" aria-live="polite">${SUCCESS}</div></form>`,
  },
  {
    n: 4,
    name: 'no success message',
    input: {...daily, successMessage: null},
    output:
      '<form class="newsletter-signup" method="post" action="/newsletter/daily" aria-labelledby="signup-k1-heading" data-pending-message="Please wait...">' +
      `${FIELDS}<div role="status" aria-live="polite">${PENDING}</div></form>`,
  },
  {
    n: 5,
    name: 'no messages',
    input: {...daily, pendingMessage: null, successMessage: null},
    output:
      '<form class="newsletter-signup" method="post" action="/newsletter/daily" aria-labelledby="signup-k1-heading">' +
      `${FIELDS}<div role="status" aria-live="polite"></div></form>`,
  },
  {
    n: 6,
    name: 'empty messages are none',
    input: {...daily, pendingMessage: '', successMessage: ''},
    output:
      '<form class="newsletter-signup" method="post" action="/newsletter/daily" aria-labelledby="signup-k1-heading">' +
      `${FIELDS}<div role="status" aria-live="polite"></div></form>`,
  },
  {
    n: 7,
    name: 'text, attributes and the address are escaped',
    input: {
      _key: 'k"2',
      _type: 'newsletterBlock',
      newsletter: {_id: 'newsletter-late', title: 'Late', slug: "o'clock news/today"},
      heading: '<b>Late</b> & live',
      ctaLabel: 'Sign "me" up',
      pendingMessage: "It's  coming",
      successMessage: '<script>alert(1)</script>',
    },
    output:
      '<form class="newsletter-signup" method="post" action="/newsletter/o&#x27;clock%20news%2Ftoday" aria-labelledby="signup-k&quot;2-heading" data-pending-message="It&#x27;s&nbsp; coming" data-success-message="&lt;script&gt;alert(1)&lt;/script&gt;">' +
      '<h2 id="signup-k&quot;2-heading">&lt;b&gt;Late&lt;/b&gt; &amp; live</h2>' +
      '<label for="signup-k&quot;2-email">Email address</label>' +
      '<input id="signup-k&quot;2-email" name="email" type="email" autocomplete="email" required>' +
      '<button type="submit">Sign &quot;me&quot; up</button>' +
      '<div role="status" aria-live="polite">' +
      '<p class="signup-pending" data-state="pending" hidden>It&#x27;s&nbsp; coming</p>' +
      '<p class="signup-success" data-state="success" hidden>&lt;script&gt;alert(1)&lt;/script&gt;</p>' +
      '</div></form>',
  },
]

describe('renderSignup', () => {
  test.each(cases)('renderSignup: $n $name', ({input, output}) => {
    expect(renderSignup(input)).toBe(output)
  })
})
