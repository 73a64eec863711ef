import {isFormLine} from './signupCopy'

/**
 * Promo boilerplate pasted with an article: a newsletter signup, a subscription or donation
 * appeal, "follow us", a programme plug. Each line of text is weighed on its own; runs of lines
 * are then read as one promo.
 */

/** A newsletter or a channel readers get by email: what makes a promo a newsletter signup. */
const NEWSLETTER =
  /\b(news-?letters?|briefings?|bulletin|in(?:-| )?box|e-?mails?|mailing list|daily edition|digest|boletín|boletim|infolettre|lettre d['’]information|Postfach)\b|newsletter/iu

/** Where a sentence starts, so that an imperative can be looked for at each start only. */
const SENTENCE_START = /(?<=[.!?:»"“”])\s+|^\[\s*|\s[-–—]\s+/u

/** English imperatives that open a sentence of a promo. */
const ENGLISH_CALL =
  /^(?:sign up|subscribe|join (?:our|us|the)|register (?:for|now|here)|click (?:here|to)|follow (?:us|our|along|\p{Lu}[\p{L}.]*['’]s)|download (?:our|the)|support (?:us|our|independent|\w+ journalism)|read (?:more|the full)|(?:never|don['’]t) miss|get (?:[\p{L}'’]+ ){0,8}?(?:by e-?mail|in your inbox|delivered|newsletter|for free))\b/iu

/** Calls to act that only promos make, anywhere in a line: offers to "you", in five languages. */
const CALL = new RegExp(
  [
    // English
    String.raw`\b(?:delivered (?:to you|to your|directly to|straight to)|now on youtube)\b`,
    String.raw`\b(?:hacer click|haga clic|cliquez|klicken sie)\b`,
    // French
    String.raw`\b(?:inscrivez-vous|abonnez-vous|recevez|suivez-nous|soutenez-nous|téléchargez|ne manquez)\b`,
    // Spanish
    String.raw`\b(?:suscr[ií]b(?:ete|ite|ase)|reg[ií]str(?:ate|ese)|s[ií]guenos|apoy(?:anos|á)|con tu suscripci[oó]n|promos? de suscripci[oó]n|contactarnos)\b`,
    // Portuguese
    String.raw`\b(?:assine|inscreva-se|cadastre-se|receba|siga-nos|nos siga|apoie|você pode apoiar)\b`,
    // German
    String.raw`\b(?:abonnieren sie|jetzt (?:[\p{L}-]+ ){0,4}?(?:abonnieren|anmelden|testen|lesen|herunterladen)|melden sie sich|zur anmeldung|gratis testen|kostenlos testen|(?:lesen|finden|sehen|hören) sie\b[^.!?]{0,120}\b(?:hier|ausgabe|newsblog|live-ticker|stream)|folgen sie uns|lesen hier|ab sofort auf)\b`,
  ].join('|'),
  'iu',
)

/**
 * Speech the article reports, after a comma: `Join us, the protesters chanted.`, `Subscribe now,
 * the sign read.`, `…, officials said.`, `…, said the minister.`. A call quoted in the story is
 * the story's text. Case matters: a reporting verb is lowercase, a name capitalised.
 */
const REPORTED_SPEECH = new RegExp(
  [
    String.raw`,\s*(?:he|she|they|it|we|(?:the|a|an|his|her|their|its|our)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?`,
    String.raw`|\p{Ll}[\p{L}-]*s|\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s+`,
    String.raw`(?:said|says|told|tells|wrote|writes|added|adds|asked|urged|urges|warned|warns|chanted|shouted|read|reads|promised|promises|declared|insisted|tweeted|posted|explained|argued|replied|recalled)\b`,
    String.raw`|,\s*(?:said|says|told|wrote|added|urged|warned|declared|insisted)\s+\p{L}`,
  ].join(''),
  'u',
)

/** Words one of the calls needs: most lines of article text have none, and are passed over. */
const CALL_WORDS =
  /(?<![\p{L}])(?:sign|subscri|join|regist|click|clic|follow|download|support|read|miss|get|deliver|youtube|inscri|abonn|recev|suiv|souten|télécharg|manquez|suscr|regístr|sígu|sigu|apoy|contact|assin|cadast|receb|siga|apoi|você|jetzt|melden|anmeld|testen|lesen|finden|sehen|hören|folgen|ab sofort|hacer|haga|klicken|delivered|now on)/iu

/** What every newsletter word has in it: a cheap test before the exact one. */
const NEWSLETTER_HINT = /letter|brief|bullet|box|mail|digest|edition|bolet|postfach/i

/** Marks of an inserted promo: `[… hier …]`, `+++ … +++`, `AVISO IMPORTANTE:`. */
const INSERT =
  /^\[.*\b(?:hier|here|aquí|aqui|ici)\b.*\]$|^\+\+\+.*\+\+\+$|^(?:aviso importante|important notice|wichtiger hinweis)\s*:/iu

/** How a line reads as promo copy. */
export type PromoWeight = 'call' | 'label' | undefined

/** Longest line a promo writes; anything longer is article text. */
const MAX_PROMO_LINE = 400

/** Longest line taken as a label, button or status message beside a promo. */
const LABEL_MAX = 50
const LETTER = /\p{L}/u

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
  if (text.length === 0 || text.length > MAX_PROMO_LINE) return undefined
  if (INSERT.test(text)) return 'call'
  if (REPORTED_SPEECH.test(text)) return undefined
  if (isCall(text)) return 'call'
  if (text.length > LABEL_MAX * 2) return undefined
  if (isFormLine(text) || NEWSLETTER.test(text)) return 'label'
  // A label names or tags; a short sentence closing with a full stop is article text.
  const label = text.length <= LABEL_MAX && LETTER.test(text) && !/[.;,]$/u.test(text)
  return label ? 'label' : undefined
}

function isCall(text: string): boolean {
  if (!CALL_WORDS.test(text)) return false
  return (
    CALL.test(text) || text.split(SENTENCE_START).some((sentence) => ENGLISH_CALL.test(sentence))
  )
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
 * @param weigh - how a line weighs as promo copy (see promoWeight), given to reuse its answers
 * @param only - `trailing` to look at the end only
 * @returns the runs, in order
 */
export function findPromoRuns(
  lines: readonly (string | undefined)[],
  weigh: (line: string) => PromoWeight = promoWeight,
  only: 'all' | 'trailing' = 'all',
): PromoRun[] {
  // Weighed as needed: a long line inside the text is only a promo if it looks like an insert.
  const weights: PromoWeight[] = []
  const weightAt = (index: number) => {
    const line = lines[index]
    if (line === undefined) return undefined
    if (!(index in weights)) weights[index] = weigh(line)
    return weights[index]
  }
  const runs: PromoRun[] = []
  const trailing = trailingRun(lines, weightAt)
  if (only === 'trailing') return trailing ? [trailing] : []
  const end = trailing ? trailing.start : lines.length
  for (let index = 1; index < end; index++) {
    const text = lines[index]?.trim()
    if (text === undefined || !mayBeInsertedCall(text) || weightAt(index) !== 'call') continue
    let last = index + 1
    while (last < end && belongsUnderCall(lines[last], weightAt(last))) last++
    runs.push(promoRun(lines, index, last))
    index = last - 1
  }
  return trailing ? [...runs, trailing] : runs
}

/** A call inside the text is short, an insert, or names a newsletter, and is a promo's length. */
function mayBeInsertedCall(text: string): boolean {
  if (text.length <= SHORT_CALL) return true
  // Weighed, it would weigh nothing: reading a long paragraph for inserts is wasted.
  if (text.length > MAX_PROMO_LINE) return false
  return INSERT.test(text) || (NEWSLETTER_HINT.test(text) && NEWSLETTER.test(text))
}

function belongsUnderCall(line: string | undefined, weight: PromoWeight): boolean {
  if (line === undefined) return false
  const text = line.trim()
  const shouted = text === text.toUpperCase() && text.length <= SHORT_LABEL
  return weight === 'call' || isFormLine(text) || (weight === 'label' && shouted)
}

function trailingRun(
  lines: readonly (string | undefined)[],
  weightAt: (index: number) => PromoWeight,
): PromoRun | undefined {
  let start = lines.length
  let firstCall = -1
  for (let index = lines.length - 1; index >= 1 && weightAt(index) !== undefined; index--) {
    start = index
    if (weightAt(index) === 'call') firstCall = index
  }
  if (firstCall < 0) return undefined
  return promoRun(lines, Math.max(start, firstCall - LABELS_ABOVE_CALL), lines.length)
}

function promoRun(lines: readonly (string | undefined)[], start: number, end: number): PromoRun {
  const texts = lines.slice(start, end).map((line) => line ?? '')
  return {start, end, newsletter: isNewsletterPromo(texts)}
}
