import {isFormLine} from './signupCopy'

/**
 * Promo boilerplate pasted with an article: a newsletter signup, a subscription or donation
 * appeal, "follow us", a programme plug. Each line of text is weighed on its own; runs of lines
 * are then read as one promo.
 */

/** A newsletter or a channel readers get by email: what makes a promo a newsletter signup. */
const NEWSLETTER =
  /\b(news-?letters?|briefings?|bulletin|in(?:-| )?box|e-?mails?|mailing list|daily edition|digest|boletín|boletim|infolettre|lettre d['’]information|Postfach)\b|newsletter/iu

/** The start of a sentence, where an imperative stands. */
const START = String.raw`(?:^|[.!?:»"“”]\s+|\[\s*|[-–—]\s+)`

/** Calls to act that only promos make: imperatives and second-person offers, in five languages. */
const CALL = new RegExp(
  [
    // English: imperatives opening a sentence, and offers to "you".
    String.raw`${START}(?:sign up|subscribe|join (?:our|us|the)|register (?:for|now|here)|click (?:here|to)|follow (?:us|our|along|\p{Lu}[\p{L}.]*['’]s)|download (?:our|the)|support (?:us|our|independent|\w+ journalism)|read (?:more|the full)|(?:never|don['’]t) miss|get (?:[\p{L}'’]+ )*?(?:by e-?mail|in your inbox|delivered|newsletter|for free))\b`,
    String.raw`\b(?:delivered (?:to you|to your|directly to|straight to)|now on youtube)\b`,
    String.raw`\b(?:hacer click|haga clic|cliquez|klicken sie)\b`,
    // French
    String.raw`\b(?:inscrivez-vous|abonnez-vous|recevez|suivez-nous|soutenez-nous|téléchargez|ne manquez)\b`,
    // Spanish
    String.raw`\b(?:suscr[ií]b(?:ete|ite|ase)|reg[ií]str(?:ate|ese)|s[ií]guenos|apoy(?:anos|á)|con tu suscripci[oó]n|promos? de suscripci[oó]n|contactarnos)\b`,
    // Portuguese
    String.raw`\b(?:assine|inscreva-se|cadastre-se|receba|siga-nos|nos siga|apoie|você pode apoiar)\b`,
    // German
    String.raw`\b(?:abonnieren sie|jetzt (?:[\p{L}-]+ )*?(?:abonnieren|anmelden|testen|lesen|herunterladen)|melden sie sich|zur anmeldung|gratis testen|kostenlos testen|(?:lesen|finden|sehen|hören) sie\b.*\b(?:hier|ausgabe|newsblog|live-ticker|stream)|folgen sie uns|lesen hier|ab sofort auf)\b`,
  ].join('|'),
  'iu',
)

/** Marks of an inserted promo: `[… hier …]`, `+++ … +++`, `AVISO IMPORTANTE:`. */
const INSERT =
  /^\[.*\b(?:hier|here|aquí|aqui|ici)\b.*\]$|^\+\+\+.*\+\+\+$|^(?:aviso importante|important notice|wichtiger hinweis)\s*:/iu

/** How a line reads as promo copy. */
export type PromoWeight = 'call' | 'label' | undefined

/** Longest line taken as a label, button or status message beside a promo. */
const LABEL_MAX = 50

/**
 * Weighs one line as promo copy: a `call` is a line only a promo writes (an imperative to sign
 * up, subscribe, follow, support or watch, or an inserted `[…]`/`+++` plug); a `label` is short
 * copy that belongs to a promo beside one (a heading, a button, a status message, a tagline).
 *
 * @param line - a block's text
 * @returns the weight, or undefined for article text
 */
export function promoWeight(line: string): PromoWeight {
  const text = line.trim()
  if (text.length === 0) return undefined
  if (INSERT.test(text)) return 'call'
  if (CALL.test(text)) return 'call'
  if (isFormLine(text) || NEWSLETTER.test(text)) {
    return text.length <= LABEL_MAX * 2 ? 'label' : undefined
  }
  // A label names or tags; a short sentence closing with a full stop is article text.
  const label = text.length <= LABEL_MAX && /\p{L}/u.test(text) && !/[.;,]$/u.test(text)
  return label ? 'label' : undefined
}

/**
 * Whether a run of promo lines is a newsletter signup rather than another promo.
 *
 * @param lines - the run's lines
 * @returns true when one of them names a newsletter or an inbox
 */
export function isNewsletterPromo(lines: readonly string[]): boolean {
  return lines.some((line) => NEWSLETTER.test(line))
}

/** A promo among an article's blocks: the blocks from `start` up to, not including, `end`. */
export interface PromoRun {
  start: number
  end: number
  /** A newsletter signup, which becomes a signup block; other promos are set aside. */
  newsletter: boolean
}

/** Short labels a trailing promo may have above its first call ("Join Our Newsletter"). */
const LABELS_ABOVE_CALL = 2
/** A call this short is a promo's line wherever it stands ("Apoie o 247", "Sign up here"). */
const SHORT_CALL = 60
/** Labels under a call inside the text are short, in capitals: a programme's name (`ICL`). */
const SHORT_LABEL = 20

/**
 * Finds the promos in an article's blocks. At the end, a run of promo lines holding at least one
 * call, with its labels, buttons and messages around it (two short labels above the first call
 * at most). Inside the text, only a call that cannot be article prose — an inserted `[…]` or
 * `+++` plug, a call naming a newsletter, or a call short enough to be a button — with the
 * calls, buttons, messages and short capitalised labels under it.
 *
 * @param lines - each block's text; undefined for a block that cannot be promo (a heading, a
 *   list item, a credit line)
 * @returns the runs, in order
 */
export function findPromoRuns(lines: readonly (string | undefined)[]): PromoRun[] {
  const weights = lines.map((line) => (line === undefined ? undefined : promoWeight(line)))
  const runs: PromoRun[] = []
  let end = lines.length
  const trailing = trailingRun(lines, weights)
  if (trailing) end = trailing.start
  for (let index = 1; index < end; index++) {
    const line = lines[index]
    if (line === undefined || weights[index] !== 'call') continue
    const text = line.trim()
    if (!INSERT.test(text) && !NEWSLETTER.test(text) && text.length > SHORT_CALL) continue
    let last = index + 1
    while (last < end && belongsUnderCall(lines[last], weights[last])) last++
    runs.push(promoRun(lines, index, last))
    index = last - 1
  }
  return trailing ? [...runs, trailing] : runs
}

function belongsUnderCall(line: string | undefined, weight: PromoWeight): boolean {
  if (line === undefined) return false
  const text = line.trim()
  const shouted = text === text.toUpperCase() && text.length <= SHORT_LABEL
  return weight === 'call' || isFormLine(text) || (weight === 'label' && shouted)
}

function trailingRun(
  lines: readonly (string | undefined)[],
  weights: readonly PromoWeight[],
): PromoRun | undefined {
  let start = lines.length
  let firstCall = -1
  for (let index = lines.length - 1; index >= 1 && weights[index] !== undefined; index--) {
    start = index
    if (weights[index] === 'call') firstCall = index
  }
  if (firstCall < 0) return undefined
  return promoRun(lines, Math.max(start, firstCall - LABELS_ABOVE_CALL), lines.length)
}

function promoRun(lines: readonly (string | undefined)[], start: number, end: number): PromoRun {
  const texts = lines.slice(start, end).map((line) => line ?? '')
  return {start, end, newsletter: isNewsletterPromo(texts)}
}
