/** The copy of a newsletter signup found pasted in an article. */
export interface SignupCopy {
  heading: string
  ctaLabel?: string
  pendingMessage?: string
  successMessage?: string
  /** What else the promo said, such as a tagline or what readers get. */
  description?: string
}

/** Longest button label or status message. */
const FORM_LINE_MAX = 50

const BUTTON =
  /^(?:\p{L}+\s)?(?:sign[ -]?up|signup|subscribe|join|register|i['’]m in|count me in|jetzt abonnieren|anmelden|s['’]inscrire|je m['’]inscris|suscribirme|inscrever|assinar|ver promos .*)(?:\s(?:now|free|today|here))?[!.]?$/iu
const PENDING =
  /\b(please wait|wait a moment|one moment|loading|sending|submitting|processing|signing you up)\b|^…$/iu
const SUCCESS =
  /\b(thank(s| you)|you('|’)re (in|subscribed|signed up|all set)|success|subscribed|welcome aboard|check your (inbox|e-?mail)|confirm your|merci|gracias|obrigad[oa]|danke)/iu

/**
 * Reads a newsletter promo's lines as the parts of a signup form: the first line is its heading;
 * a button label, a "please wait" and a "thank you" fill those slots, worded however the site
 * words them; any other line (a tagline, what readers get) is the description.
 *
 * @param lines - the promo's lines, in order; at least one
 * @returns the signup copy
 */
export function signupCopy(lines: readonly string[]): SignupCopy {
  const [heading = '', ...rest] = lines.map((line) => line.trim())
  const copy: SignupCopy = {heading}
  const description: string[] = []
  for (const line of rest) {
    if (!copy.ctaLabel && BUTTON.test(line)) copy.ctaLabel = line
    else if (!copy.pendingMessage && PENDING.test(line)) copy.pendingMessage = line
    else if (!copy.successMessage && SUCCESS.test(line)) copy.successMessage = line
    else description.push(line)
  }
  if (description.length > 0) copy.description = description.join('\n\n')
  return copy
}

/**
 * Whether a short line is a form's button label or status message.
 *
 * @param line - a line of a promo
 * @returns true for "Sign up", "Free Sign Up", "I'm in", "Please wait…", "Thank you!"
 */
export function isFormLine(line: string): boolean {
  const text = line.trim()
  return (
    text.length <= FORM_LINE_MAX && (BUTTON.test(text) || PENDING.test(text) || SUCCESS.test(text))
  )
}
