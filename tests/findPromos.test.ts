import {describe, expect, test} from 'vitest'

import {
  findPromoRuns,
  isNewsletterPromo,
  type PromoRun,
  type PromoWeight,
  promoWeight,
} from '../importer/structure/findPromos'
import {isFormLine, type SignupCopy, signupCopy} from '../importer/structure/signupCopy'

const LEAD = 'The council met on Monday to vote on the harbour.'
const PROSE = 'The vote was close, and the harbour will stay open for now.'
const MORE_PROSE = 'Fishing boats will keep their moorings until the spring.'

describe('promoWeight', () => {
  const cases: {n: number; name: string; input: string; output: PromoWeight}[] = [
    {n: 1, name: 'an English signup', input: 'Sign up for our newsletter', output: 'call'},
    {
      n: 2,
      name: 'an English call after a sentence',
      input: 'It is free. Subscribe today',
      output: 'call',
    },
    {
      n: 3,
      name: 'a delivery offer',
      input: 'The best stories delivered to your door',
      output: 'call',
    },
    {n: 4, name: 'a Spanish click', input: 'Haga clic aquí para leer más', output: 'call'},
    {n: 5, name: 'a French follow', input: 'Suivez-nous sur Facebook', output: 'call'},
    {n: 6, name: 'a Spanish follow', input: 'Síguenos en Instagram', output: 'call'},
    {n: 7, name: 'a Portuguese appeal', input: 'Apoie o jornalismo independente', output: 'call'},
    {n: 8, name: 'a German follow', input: 'Folgen Sie uns auf Instagram', output: 'call'},
    {n: 9, name: 'a German trial offer', input: 'Jetzt vier Wochen gratis testen', output: 'call'},
    {n: 10, name: 'a YouTube plug', input: 'Our show is now on YouTube', output: 'call'},
    {n: 11, name: 'an inserted plug', input: '[Mehr dazu hier]', output: 'call'},
    {n: 12, name: 'a padded inserted plug', input: '  [Mehr dazu hier]  ', output: 'call'},
    {n: 13, name: 'a plus-sign insert', input: '+++ Alle News im Ticker +++', output: 'call'},
    {n: 14, name: 'an important notice', input: 'AVISO IMPORTANTE: hay cambios', output: 'call'},
    {n: 15, name: 'a button', input: 'Sign Up', output: 'call'},
    {n: 16, name: 'a status message', input: 'Please wait…', output: 'label'},
    {n: 17, name: 'a newsletter name', input: 'The Morning Briefing', output: 'label'},
    {n: 18, name: 'a short tagline', input: 'Local news that matters', output: 'label'},
    {n: 19, name: 'a short sentence', input: 'The vote was close.', output: undefined},
    {
      n: 20,
      name: 'prose using a call word',
      input: 'He will read the report later.',
      output: undefined,
    },
    {
      n: 21,
      name: 'prose using "get"',
      input: 'They get the boats back in spring.',
      output: undefined,
    },
    {n: 22, name: 'an empty line', input: '   ', output: undefined},
    {
      n: 23,
      name: 'a long line',
      input: `Sign up now. ${'The harbour stays open. '.repeat(17)}`,
      output: undefined,
    },
    {
      n: 24,
      name: 'a long paragraph without a call',
      input: `${PROSE} ${MORE_PROSE}`,
      output: undefined,
    },
    // A call the story reports is its text.
    {n: 25, name: 'a chant', input: 'Join us, the protesters chanted.', output: undefined},
    {n: 26, name: 'what a sign read', input: 'Subscribe now, the sign read.', output: undefined},
    {
      n: 27,
      name: 'what an email promised',
      input: 'Get the latest news delivered to your inbox, the email promised.',
      output: undefined,
    },
    {n: 28, name: 'a call said by', input: 'Sign up today, said the minister.', output: undefined},
    {
      n: 29,
      name: 'a call told',
      input: 'Never miss a chance, he told supporters.',
      output: undefined,
    },
    {
      n: 30,
      name: 'a call whose comma reports no one',
      input: 'Subscribe now, then read more',
      output: 'call',
    },
  ]
  test.each(cases)('promoWeight: $n weighs $name', ({input, output}) => {
    expect(promoWeight(input)).toBe(output)
  })
})

describe('isNewsletterPromo', () => {
  const cases = [
    {n: 1, name: 'a newsletter', input: ['Get it first', 'Our daily newsletter'], output: true},
    {n: 2, name: 'an inbox', input: ['Straight to your inbox'], output: true},
    {n: 3, name: 'a follow appeal', input: ['Follow us on X', 'Support us'], output: false},
    {n: 4, name: 'no lines', input: [], output: false},
  ]
  test.each(cases)('isNewsletterPromo: $n reads $name', ({input, output}) => {
    expect(isNewsletterPromo(input)).toBe(output)
  })
})

/**
 * Weighs as promoWeight does, but gives the button `Sign up` no weight, so that a run at the end
 * of the text stops below it.
 */
function buttonUnweighed(line: string): PromoWeight {
  return line === 'Sign up' ? undefined : promoWeight(line)
}

describe('findPromoRuns', () => {
  const cases: {
    n: number
    name: string
    input: (string | undefined)[]
    weigh?: (line: string) => PromoWeight
    only?: 'all' | 'trailing'
    output: PromoRun[]
  }[] = [
    {n: 1, name: 'no promo', input: [LEAD, PROSE, MORE_PROSE], output: []},
    {
      n: 2,
      name: 'a trailing signup with its labels',
      input: [LEAD, PROSE, 'The Morning Briefing', 'Sign up for our newsletter', 'Sign Up'],
      output: [{start: 2, end: 5, newsletter: true}],
    },
    {
      n: 3,
      name: 'a trailing signup, at the end only',
      input: [LEAD, 'Sign up here', PROSE, 'Sign up for our newsletter'],
      only: 'trailing',
      output: [{start: 3, end: 4, newsletter: true}],
    },
    {
      n: 4,
      name: 'an inserted call and a trailing one',
      input: [LEAD, 'Sign up here', PROSE, 'Follow us on X'],
      output: [
        {start: 1, end: 2, newsletter: false},
        {start: 3, end: 4, newsletter: false},
      ],
    },
    {
      n: 5,
      name: 'two inserted calls one paragraph apart',
      input: [LEAD, 'Sign up here', PROSE, 'Follow us on X', MORE_PROSE, PROSE],
      output: [
        {start: 1, end: 2, newsletter: false},
        {start: 3, end: 4, newsletter: false},
      ],
    },
    {
      n: 6,
      name: 'an inserted call stopped by a heading',
      input: [LEAD, 'Sign up here', undefined, 'Thank you!', PROSE],
      output: [{start: 1, end: 2, newsletter: false}],
    },
    {
      n: 7,
      name: 'an inserted call with a short capitalised label under it',
      input: [LEAD, 'Sign up here', 'ICL', PROSE, MORE_PROSE],
      output: [{start: 1, end: 3, newsletter: false}],
    },
    {
      n: 8,
      name: 'an inserted call with a padded capitalised label under it',
      input: [LEAD, 'Sign up here', `ICL${' '.repeat(20)}`, PROSE, MORE_PROSE],
      output: [{start: 1, end: 3, newsletter: false}],
    },
    {
      n: 9,
      name: 'an inserted call with a 20-character capitalised label under it',
      input: [LEAD, 'Sign up here', 'WORLD CUP HIGHLIGHTS', PROSE, MORE_PROSE],
      output: [{start: 1, end: 3, newsletter: false}],
    },
    {
      n: 10,
      name: 'an inserted call above a 21-character capitalised label',
      input: [LEAD, 'Sign up here', 'WORLD CUPS HIGHLIGHTS', PROSE, MORE_PROSE],
      output: [{start: 1, end: 2, newsletter: false}],
    },
    {
      n: 11,
      name: 'an inserted call above a label in lower case',
      input: [LEAD, 'Sign up here', 'World cup', PROSE, MORE_PROSE],
      output: [{start: 1, end: 2, newsletter: false}],
    },
    {
      n: 12,
      name: 'an inserted call above a number, which is no label',
      input: [LEAD, 'Sign up here', '2024', PROSE, MORE_PROSE],
      output: [{start: 1, end: 2, newsletter: false}],
    },
    {
      n: 13,
      name: 'an inserted call with a button under it',
      input: [LEAD, 'Sign up for our newsletter', 'Sign Up', 'Thank you!', PROSE, MORE_PROSE],
      output: [{start: 1, end: 4, newsletter: true}],
    },
    {
      n: 14,
      name: 'an inserted call of 60 characters',
      input: [
        LEAD,
        'Follow us on Instagram for more pictures from the coast, now',
        PROSE,
        MORE_PROSE,
      ],
      output: [{start: 1, end: 2, newsletter: false}],
    },
    {
      n: 15,
      name: 'a call of 61 characters inside the text',
      input: [
        LEAD,
        'Follow us on Instagram for more pictures from the coast today',
        PROSE,
        MORE_PROSE,
      ],
      output: [],
    },
    {
      n: 16,
      name: 'a long inserted call naming a newsletter',
      input: [
        LEAD,
        'Sign up for The Morning Briefing, our newsletter with the news from the coast, every day',
        PROSE,
        MORE_PROSE,
      ],
      output: [{start: 1, end: 2, newsletter: true}],
    },
    {
      n: 17,
      name: 'an inserted call whose button ends the text before a trailing call',
      input: [LEAD, 'Sign up here', 'Sign up', 'Follow us on X'],
      weigh: buttonUnweighed,
      output: [
        {start: 1, end: 3, newsletter: false},
        {start: 3, end: 4, newsletter: false},
      ],
    },
    {
      n: 18,
      name: 'a trailing run with many labels above its call',
      input: [LEAD, 'Local news', 'Every day', 'From the coast', 'Follow us on X'],
      output: [{start: 2, end: 5, newsletter: false}],
    },
    {
      n: 19,
      name: 'a first line that reads as a call',
      input: ['Sign up here', PROSE, MORE_PROSE],
      output: [],
    },
  ]
  test.each(cases)('findPromoRuns: $n finds $name', ({input, weigh, only, output}) => {
    expect(findPromoRuns(input, weigh, only)).toStrictEqual(output)
  })
})

describe('isFormLine', () => {
  const cases = [
    {n: 1, name: 'a button', input: 'Sign up', output: true},
    {n: 2, name: 'a padded button', input: '  Sign up  ', output: true},
    {n: 3, name: 'a button with a word before it', input: 'Free Sign Up', output: true},
    {n: 4, name: 'an "I\'m in" button', input: "I'm in", output: true},
    {n: 5, name: 'a pending message', input: 'Please wait…', output: true},
    {n: 6, name: 'a success message', input: 'Thank you!', output: true},
    {
      n: 7,
      name: 'a success message of 50 characters',
      input: 'Thank you! Your first briefing arrives on Mondays.',
      output: true,
    },
    {
      n: 8,
      name: 'a success message of 51 characters',
      input: 'Thank you! Your first briefing arrives on Monday ok',
      output: false,
    },
    {n: 9, name: 'a heading', input: 'The Morning Briefing', output: false},
  ]
  test.each(cases)('isFormLine: $n reads $name', ({input, output}) => {
    expect(isFormLine(input)).toBe(output)
  })
})

describe('signupCopy', () => {
  const cases: {n: number; name: string; input: string[]; output: SignupCopy}[] = [
    {
      n: 1,
      name: 'every slot',
      input: ['The Morning Briefing', 'Sign up', 'Please wait…', 'Thank you!'],
      output: {
        heading: 'The Morning Briefing',
        ctaLabel: 'Sign up',
        pendingMessage: 'Please wait…',
        successMessage: 'Thank you!',
      },
    },
    {
      n: 2,
      name: 'padded lines',
      input: ['  The Morning Briefing  ', ' Sign up ', ' Thank you! '],
      output: {heading: 'The Morning Briefing', ctaLabel: 'Sign up', successMessage: 'Thank you!'},
    },
    {
      n: 3,
      name: 'a description of two lines',
      input: [
        'The Morning Briefing',
        'The news from the coast',
        'Every weekday at seven',
        'Subscribe',
      ],
      output: {
        heading: 'The Morning Briefing',
        ctaLabel: 'Subscribe',
        description: 'The news from the coast\n\nEvery weekday at seven',
      },
    },
    {
      n: 4,
      name: 'a second button as description',
      input: ['The Morning Briefing', 'Sign up', 'Join'],
      output: {heading: 'The Morning Briefing', ctaLabel: 'Sign up', description: 'Join'},
    },
    {
      n: 5,
      name: 'a heading alone',
      input: ['The Morning Briefing'],
      output: {heading: 'The Morning Briefing'},
    },
    {n: 6, name: 'no lines', input: [], output: {heading: ''}},
  ]
  test.each(cases)('signupCopy: $n reads $name', ({input, output}) => {
    expect(signupCopy(input)).toStrictEqual(output)
  })
})
