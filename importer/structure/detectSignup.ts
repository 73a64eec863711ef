/** The copy of a newsletter signup form found pasted at the end of an article. */
export interface SignupCopy {
  heading: string
  ctaLabel?: string
  pendingMessage?: string
  successMessage?: string
}

type Slot = keyof SignupCopy

/** Lines a signup form can have: one per part of its copy. */
export const SIGNUP_SLOTS = 4

const MAX_LINE = 90
const PENDING =
  /\b(please wait|wait a moment|one moment|loading|sending|submitting|processing|signing you up)\b|^…$/i
const SUCCESS =
  /\b(thank(s| you)|you('|’)re (in|subscribed|signed up|all set)|success|subscribed|welcome aboard|check your (inbox|e-?mail)|confirm your)/i
const SIGNUP =
  /\b(subscribe|subscription|newsletter|sign[ -]?up|signup|inbox|mailing list|briefing|bulletin|get (it|them|our|the)\b.*\b(delivered|by e-?mail|in your))/i
/** Button labels: a short imperative such as "Sign up", "Subscribe", "Newsletter signup". */
const BUTTON = /^(\p{L}+\s)?(sign[ -]?up|signup|subscribe|join|register)(\s(now|free|today))?!?$/iu

/**
 * Finds newsletter-signup boilerplate at the end of an article: a run of short trailing lines
 * that reads as a signup form (a call to action, a button label, a "please wait" and a "thank
 * you" message, worded however the site words them). Each line fills one slot of the form; a
 * line that fits no free slot ends the run, so article text is never swallowed.
 *
 * @param lines - the article's block texts, in order
 * @returns the copy and how many trailing lines it used, or undefined when there is none
 */
export function detectSignup(
  lines: readonly string[],
): {copy: SignupCopy; lineCount: number} | undefined {
  const slots = new Map<Slot, string>()
  let lineCount = 0
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index]?.trim() ?? ''
    const slot = slotFor(line, slots)
    if (!slot) break
    // A second call to action above the first: the upper one is the heading, the lower the button.
    const heading = slots.get('heading')
    if (slot === 'heading' && heading) slots.set('ctaLabel', heading)
    slots.set(slot, line)
    lineCount++
  }
  // The run was read bottom-up: the topmost signup line is the heading, the next the button.
  const heading = slots.get('heading') ?? slots.get('ctaLabel')
  // Two lines that merely mention subscribing are prose; a form has a button or a status message.
  const formLike =
    slots.has('pendingMessage') ||
    slots.has('successMessage') ||
    BUTTON.test(slots.get('ctaLabel') ?? '')
  if (!heading || lineCount < 2 || !formLike) return undefined
  const copy: SignupCopy = {heading}
  const ctaLabel = slots.has('heading') ? slots.get('ctaLabel') : undefined
  if (ctaLabel) copy.ctaLabel = ctaLabel
  const pendingMessage = slots.get('pendingMessage')
  if (pendingMessage) copy.pendingMessage = pendingMessage
  const successMessage = slots.get('successMessage')
  if (successMessage) copy.successMessage = successMessage
  return {copy, lineCount}
}

function slotFor(text: string, taken: ReadonlyMap<Slot, string>): Slot | undefined {
  if (text.length === 0 || text.length > MAX_LINE) return undefined
  if (PENDING.test(text) && !taken.has('pendingMessage')) return 'pendingMessage'
  if (SUCCESS.test(text) && !taken.has('successMessage')) return 'successMessage'
  if (!SIGNUP.test(text) && !BUTTON.test(text)) return undefined
  if (taken.has('ctaLabel') && taken.has('heading')) return undefined
  // Reading upwards, the button comes first (it sits below the heading).
  if (BUTTON.test(text) && !taken.has('ctaLabel') && !taken.has('heading')) return 'ctaLabel'
  return 'heading'
}
