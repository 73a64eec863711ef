import {escapeHTML} from '@portabletext/to-html'

import type {RenderableSignup} from './types'

/**
 * A newsletter signup block as an accessible form: a labelled email field, the button, and the
 * pending and success messages in a live region for the page's script to reveal.
 *
 * @param signup - the block, newsletter resolved and copy overrides applied
 * @returns the form's HTML
 */
export function renderSignup(signup: RenderableSignup): string {
  const id = `signup-${escapeHTML(signup._key)}`
  const newsletter = signup.newsletter.slug ?? signup.newsletter._id
  const status = (state: string, message: string | null) =>
    message
      ? `<p class="signup-${state}" data-state="${state}" hidden>${escapeHTML(message)}</p>`
      : ''
  return [
    `<form class="newsletter-signup" method="post" action="/newsletter/${escapeHTML(encodeURIComponent(newsletter))}" aria-labelledby="${id}-heading"${attribute('data-pending-message', signup.pendingMessage)}${attribute('data-success-message', signup.successMessage)}>`,
    `<h2 id="${id}-heading">${escapeHTML(signup.heading)}</h2>`,
    `<label for="${id}-email">Email address</label>`,
    `<input id="${id}-email" name="email" type="email" autocomplete="email" required>`,
    `<button type="submit">${escapeHTML(signup.ctaLabel)}</button>`,
    `<div role="status" aria-live="polite">${status('pending', signup.pendingMessage)}${status('success', signup.successMessage)}</div>`,
    '</form>',
  ].join('')
}

function attribute(name: string, value: string | null): string {
  return value ? ` ${name}="${escapeHTML(value)}"` : ''
}
