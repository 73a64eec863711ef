import {describe, expect, test} from 'vitest'

import {
  bylineReader,
  type CreditPosition,
  mayBeLabelledCredit,
  parseByline,
  type ParsedByline,
} from '../importer/structure/parseByline'

interface Fixture {
  n: number
  input: string
  /** Where the line stands; parseByline's default, `end`, when not given. */
  position?: CreditPosition
  output: ParsedByline | undefined
}

/** Twelve names joined by commas: exactly 160 characters, the longest plain byline read. */
const LONGEST_BYLINE =
  'Anna Smith, Ben Jones, Chloé Martin, David Okafor, Elena Petrova, Farid Haddad, Grace Lee, ' +
  'Hugo Lambert, Ingrid Berg, Jonas Weber, Kenji Sato, Laura Castellanos'
/** A `Story by` line past 160 characters: only trailers, contributors and copyright run on. */
const OVERLONG_BYLINE =
  'Story by Anna Smith, Ben Jones, Chloé Martin, David Okafor, Elena Petrova, Farid Haddad, ' +
  'Grace Lee, Hugo Lambert, Ingrid Berg, Jonas Weber, Kenji Sato, Laura Rossi'
/** The authors of LONGEST_TRAILER, in print order. */
const TRAILER_AUTHORS = [
  'Anna Smith',
  'Ben Jones',
  'Chloé Martin',
  'David Okafor',
  'Elena Petrova',
  'Farid Haddad',
  'Grace Lee',
  'Hugo Lambert',
  'Ingrid Berg',
  'Jonas Weber',
  'Kenji Sato',
  'Laura Rossi',
  'Miguel Santos',
  'Nadia Rahman',
  'Oliver Brown',
  'Priya Patel',
  'Quentin Moreau',
  'Rosa Díaz',
  'Sven Larsen',
  'Tomás Novak',
  'Ursula Kleinschmidt',
]
/** A wire trailer of exactly 300 characters, the longest credit line read. */
const LONGEST_TRAILER = `Reporting by ${TRAILER_AUTHORS.slice(0, -1).join(', ')} and Ursula Kleinschmidt`

/** Credit lines parseByline reads, and exactly what it reads from them. */
const credits: Fixture[] = [
  {n: 1, input: 'By Anna Smith', output: {authors: ['Anna Smith'], agencies: [], labelled: true}},
  {n: 2, input: 'by Anna Smith', output: {authors: ['Anna Smith'], agencies: [], labelled: true}},
  {n: 3, input: 'BY Anna Smith', output: {authors: ['Anna Smith'], agencies: [], labelled: true}},
  {
    n: 4,
    input: 'BY ANNA SMITH',
    output: {authors: ['ANNA SMITH'], agencies: [], labelled: true},
  },
  {n: 5, input: 'Anna Smith, with AFP', output: {authors: ['Anna Smith'], agencies: ['AFP']}},
  {n: 6, input: 'Anna Smith, With AFP', output: {authors: ['Anna Smith'], agencies: ['AFP']}},
  {n: 7, input: 'Anna Smith,  with AFP', output: {authors: ['Anna Smith'], agencies: ['AFP']}},
  {
    n: 8,
    input: 'Anna Smith with Reuters',
    output: {authors: ['Anna Smith'], agencies: ['Reuters']},
  },
  {
    n: 9,
    input: 'Anna Smith With Reuters',
    output: {authors: ['Anna Smith'], agencies: ['Reuters']},
  },
  {
    n: 10,
    input: 'Anna Smith WITH REUTERS',
    output: {authors: ['Anna Smith'], agencies: ['REUTERS']},
  },
  {
    n: 11,
    input: 'Anna Smith\twith Reuters',
    output: {authors: ['Anna Smith'], agencies: ['Reuters']},
  },
  {n: 12, input: 'Anna Smith with AP', output: {authors: ['Anna Smith'], agencies: ['AP']}},
  {
    n: 13,
    input: '  Anna Smith with Reuters.  ',
    output: {authors: ['Anna Smith'], agencies: ['Reuters']},
  },
  {
    n: 14,
    input: 'Anna Smith with Reuters',
    position: 'marked',
    output: {authors: ['Anna Smith'], agencies: ['Reuters']},
  },
  {
    n: 15,
    input: 'Anna Smith with AFP and Reuters',
    output: {authors: ['Anna Smith'], agencies: ['AFP', 'Reuters']},
  },
  {
    n: 16,
    input: 'Anna Smith and Ben Jones with AFP',
    output: {authors: ['Anna Smith', 'Ben Jones'], agencies: ['AFP']},
  },
  {
    n: 17,
    input: 'Anna Smith, Ben Jones and Chloé Martin with Reuters',
    output: {authors: ['Anna Smith', 'Ben Jones', 'Chloé Martin'], agencies: ['Reuters']},
  },
  {
    n: 18,
    input: 'Anna Smith, Ben Jones and Chloé Martin, with Reuters',
    output: {authors: ['Anna Smith', 'Ben Jones', 'Chloé Martin'], agencies: ['Reuters']},
  },
  {
    n: 19,
    input: 'By Anna Smith with Reuters',
    output: {authors: ['Anna Smith'], agencies: ['Reuters'], labelled: true},
  },
  {
    n: 20,
    input: 'By Anna Smith, with AFP',
    output: {authors: ['Anna Smith'], agencies: ['AFP'], labelled: true},
  },
  {
    n: 21,
    input: 'Anna Smith and Ben Jones',
    output: {authors: ['Anna Smith', 'Ben Jones'], agencies: []},
  },
  {
    n: 22,
    input: 'Anna Smith & Ben Jones',
    output: {authors: ['Anna Smith', 'Ben Jones'], agencies: []},
  },
  {
    n: 23,
    input: 'Anna Smith, Ben Jones and Chloé Martin',
    output: {authors: ['Anna Smith', 'Ben Jones', 'Chloé Martin'], agencies: []},
  },
  {
    n: 24,
    input: 'By Anna Smith, Ben Jones and Chloé Martin',
    output: {authors: ['Anna Smith', 'Ben Jones', 'Chloé Martin'], agencies: [], labelled: true},
  },
  {
    n: 25,
    input: 'Anna Smith / Ben Jones',
    position: 'marked',
    output: {authors: ['Anna Smith', 'Ben Jones'], agencies: [], labelled: true},
  },
  {n: 26, input: 'AFP', output: {authors: [], agencies: ['AFP']}},
  {n: 27, input: 'Reuters', output: {authors: [], agencies: ['Reuters']}},
  {n: 28, input: 'AP', output: {authors: [], agencies: ['AP']}},
  {n: 29, input: 'AFP', position: 'marked', output: {authors: [], agencies: ['AFP']}},
  {n: 30, input: 'reuters', output: {authors: [], agencies: ['reuters']}},
  {n: 31, input: 'REUTERS', output: {authors: [], agencies: ['REUTERS']}},
  {n: 32, input: 'Reuters.', output: {authors: [], agencies: ['Reuters']}},
  {n: 33, input: 'By AFP', output: {authors: [], agencies: ['AFP']}},
  {n: 34, input: 'With AFP', output: {authors: [], agencies: ['AFP']}},
  {n: 35, input: 'with Reuters', output: {authors: [], agencies: ['Reuters']}},
  {n: 36, input: 'AFP and Reuters', output: {authors: [], agencies: ['AFP', 'Reuters']}},
  {n: 37, input: 'AFP, Reuters', output: {authors: [], agencies: ['AFP', 'Reuters']}},
  {n: 38, input: 'AFP/Reuters', output: {authors: [], agencies: ['AFP', 'Reuters']}},
  {n: 39, input: '(AFP, Reuters)', output: {authors: [], agencies: ['AFP', 'Reuters']}},
  {n: 40, input: 'Anna Smith (AFP)', output: {authors: ['Anna Smith'], agencies: ['AFP']}},
  {n: 41, input: 'Anna Smith | Reuters', output: {authors: ['Anna Smith'], agencies: ['Reuters']}},
  {n: 42, input: 'Anna Smith - Reuters', output: {authors: ['Anna Smith'], agencies: ['Reuters']}},
  {
    n: 43,
    input: 'Anna Smith, AFP',
    output: {authors: ['Anna Smith'], agencies: ['AFP'], labelled: true},
  },
  {n: 44, input: 'Anna Smith avec AFP', output: {authors: ['Anna Smith'], agencies: ['AFP']}},
  {n: 45, input: 'Anna Smith con EFE', output: {authors: ['Anna Smith'], agencies: ['EFE']}},
  {n: 46, input: 'Anna Smith mit dpa', output: {authors: ['Anna Smith'], agencies: ['dpa']}},
  {n: 47, input: 'Anna Smith via AFP', output: {authors: ['Anna Smith'], agencies: ['AFP']}},
  {
    n: 48,
    input: 'Par Anne Martin et Paul Durand, avec AFP',
    output: {authors: ['Anne Martin', 'Paul Durand'], agencies: ['AFP'], labelled: true},
  },
  {
    n: 49,
    input: 'Von Anna Schmidt und Ben Müller, mit Material von dpa',
    output: {authors: ['Anna Schmidt', 'Ben Müller'], agencies: ['dpa'], labelled: true},
  },
  {n: 50, input: 'Anna Smith', output: {authors: ['Anna Smith'], agencies: []}},
  {n: 51, input: 'Anna Smith', position: 'top', output: {authors: ['Anna Smith'], agencies: []}},
  {
    n: 52,
    input: 'Reporting by Anna Smith; Editing by Ben Jones',
    output: {authors: ['Anna Smith'], agencies: [], labelled: true},
  },
  {
    n: 53,
    input: 'Anna Smith contributed to this report.',
    output: {authors: ['Anna Smith'], agencies: [], labelled: true},
  },
  {
    n: 54,
    input: 'Source: Al Jazeera',
    output: {authors: [], agencies: ['Al Jazeera'], labelled: true},
  },
  // A name in a script written without spaces is one word, and still a name where names sign off.
  {n: 55, input: '王小明', output: {authors: ['王小明'], agencies: []}},
  {
    n: 56,
    input: 'Reporting by Anna Smith; Additional reporting by Anna Smith',
    output: {authors: ['Anna Smith'], agencies: [], labelled: true},
  },
  {
    n: 57,
    input: 'Anna Smith in Paris contributed to this report',
    output: {authors: ['Anna Smith'], agencies: [], labelled: true},
  },
  {
    n: 58,
    input: 'Associated Press writers Anna Smith in Paris and Ben Jones contributed to this report',
    output: {authors: ['Anna Smith', 'Ben Jones'], agencies: ['Associated Press'], labelled: true},
  },
  {
    n: 59,
    input: 'Guardian staff and Reuters in London',
    output: {authors: [], agencies: ['Reuters']},
  },
  {n: 60, input: 'AFP with Reuters', output: {authors: [], agencies: ['AFP', 'Reuters']}},
  {n: 61, input: 'AP, AP National Security Writer', output: {authors: [], agencies: ['AP']}},
  {
    n: 62,
    input: 'ANNA SMITH and Ben Jones',
    output: {authors: ['ANNA SMITH', 'Ben Jones'], agencies: []},
  },
  {
    n: 63,
    input: 'Anna Smith, our chief political correspondent',
    output: {authors: ['Anna Smith'], agencies: [], labelled: true},
  },
  {
    n: 64,
    input: 'By Anna Smith, our political correspondent',
    output: {authors: ['Anna Smith'], agencies: [], labelled: true},
  },
  {
    n: 65,
    input: 'Anna Smith, Berlin',
    position: 'marked',
    output: {authors: ['Anna Smith'], agencies: []},
  },
  {
    n: 66,
    input: 'Anna Smith, BBC World Service Middle East correspondent',
    output: {authors: ['Anna Smith'], agencies: [], labelled: true},
  },
  {
    n: 67,
    input: 'Anna Smith (CNN, AFP,)',
    output: {authors: ['Anna Smith'], agencies: ['CNN', 'AFP']},
  },
  {
    n: 68,
    input: 'Anna Smith ( CNN, AFP )',
    output: {authors: ['Anna Smith'], agencies: ['CNN', 'AFP']},
  },
  {
    n: 69,
    input: 'Anna Smith (BBC/AFP/ab)',
    output: {authors: ['Anna Smith'], agencies: ['BBC', 'AFP']},
  },
  {
    n: 70,
    input: 'Reporting by Anna Smith;',
    output: {authors: ['Anna Smith'], agencies: [], labelled: true},
  },
  {
    n: 71,
    input: 'Source: Corriere della Sera',
    output: {authors: [], agencies: ['Corriere della Sera'], labelled: true},
  },
  {
    n: 72,
    input: 'Source: The New York Times',
    output: {authors: [], agencies: ['The New York Times'], labelled: true},
  },
  {
    n: 73,
    input: 'María del Carmen García López',
    output: {authors: ['María del Carmen García López'], agencies: []},
  },
  {n: 74, input: 'By: Anna Smith', output: {authors: ['Anna Smith'], agencies: [], labelled: true}},
  {
    n: 75,
    input: LONGEST_BYLINE,
    output: {authors: TRAILER_AUTHORS.slice(0, 11).concat('Laura Castellanos'), agencies: []},
  },
  {n: 76, input: LONGEST_TRAILER, output: {authors: TRAILER_AUTHORS, agencies: [], labelled: true}},
  // A broadcaster credited twice is credited once.
  {n: 77, input: 'NDR, NDR', output: {authors: [], agencies: ['NDR']}},
  // A spaced slash joins a byline to the agency it wrote with.
  {
    n: 78,
    input: 'Anna Smith / AFP',
    output: {authors: ['Anna Smith'], agencies: ['AFP'], labelled: true},
  },
  {
    n: 79,
    input: 'By Anna Smith / AFP',
    output: {authors: ['Anna Smith'], agencies: ['AFP'], labelled: true},
  },
  {
    n: 80,
    input: 'Anna Smith and Ben Jones / Reuters',
    output: {authors: ['Anna Smith', 'Ben Jones'], agencies: ['Reuters'], labelled: true},
  },
  // A broadcaster beside an agency is credited with it.
  {n: 81, input: 'AFP, NDR', output: {authors: [], agencies: ['AFP', 'NDR']}},
  // Each credit once, under any of its names.
  {n: 82, input: 'Reuters, Reuters', output: {authors: [], agencies: ['Reuters']}},
  {
    n: 83,
    input: 'By Anna Smith, Associated Press, AP',
    output: {authors: ['Anna Smith'], agencies: ['Associated Press'], labelled: true},
  },
  {
    n: 84,
    input: 'By Anna Smith and Anna Smith',
    output: {authors: ['Anna Smith'], agencies: [], labelled: true},
  },
  // Without spaces, a slash joins organisations: the agency is credited, the rest is the desk.
  {n: 85, input: 'Anna Smith/Reuters', output: {authors: [], agencies: ['Reuters']}},
  // A bar or a dash sets the desk a reporter files from beside the name.
  {
    n: 86,
    input: 'Ángeles Escrivá | Madrid',
    position: 'marked',
    output: {authors: ['Ángeles Escrivá'], agencies: []},
  },
  {
    n: 87,
    input: 'Anna Smith — Berlin',
    position: 'marked',
    output: {authors: ['Anna Smith'], agencies: []},
  },
  {
    n: 88,
    input: 'Anna Smith / Paris',
    output: {authors: ['Anna Smith'], agencies: [], labelled: true},
  },
]

/** Names with the lowercase particles of the languages they come from. */
const particleNames: Fixture[] = [
  'Ursula von der Leyen',
  'Rafael van der Vaart',
  'Joop den Uyl',
  'Carlos de la Vega',
  'Lucía del Río',
  'Piero della Francesca',
  'Anna di Stefano',
  'Luiz da Silva',
  'Pierre du Pont',
  'Anne des Rosiers',
  'Marine le Pen',
  'Anwar bin Ibrahim',
  'Siti binti Aminah',
  'Ahmed al Sharif',
  'Mohamed el Amrani',
  'Ali ibn Hassan',
  'Gerard ter Horst',
  'João dos Santos',
  'Maria das Dores',
  'Maria do Carmo',
  'Karl zu Guttenberg',
  'Hilma af Klint',
  'Anna av Sand',
].map((name, index) => ({n: index + 1, input: name, output: {authors: [name], agencies: []}}))

/** Lines that are not credits: prose that mentions an agency, and names where none may stand. */
const notCredits: Fixture[] = [
  {n: 1, input: 'She spoke with Reuters', output: undefined},
  {n: 2, input: 'The minister spoke with Reuters on Tuesday.', output: undefined},
  {n: 3, input: 'He said in an interview with Reuters', output: undefined},
  {n: 4, input: 'The talks ended with AFP', output: undefined},
  {n: 5, input: 'Together with Reuters', output: undefined},
  {n: 6, input: 'Breakfast with AFP', output: undefined},
  {n: 7, input: 'Anna with Reuters', output: undefined},
  {n: 8, input: 'Anna Smith with friends', output: undefined},
  {n: 9, input: 'Anna Smith with Ben Jones', output: undefined},
  {n: 10, input: 'Anna Smith with The Guardian', output: undefined},
  {n: 11, input: 'Anna Smith with Reuters and friends', output: undefined},
  {n: 12, input: 'Anna Smith: with AFP', output: undefined},
  {n: 13, input: 'Tea with friends', output: undefined},
  {n: 14, input: 'The report was published by Reuters.', output: undefined},
  {n: 15, input: 'The figures were confirmed by Reuters', output: undefined},
  {n: 16, input: 'Shares fell after the news, according to Reuters.', output: undefined},
  {n: 17, input: 'Protests continued in Paris, AFP reported.', output: undefined},
  {n: 18, input: 'Officials told Reuters', output: undefined},
  {n: 19, input: 'He told AFP.', output: undefined},
  {n: 20, input: 'Prices rose, said AFP', output: undefined},
  {n: 21, input: 'Anna Smith', position: 'marked', output: undefined},
  {n: 22, input: 'Anna Smith and Ben Jones', position: 'marked', output: undefined},
  {n: 23, input: 'Anna and Ben', position: 'top', output: undefined},
  {n: 24, input: 'Anna', output: undefined},
  {n: 25, input: 'Anna Smith.', output: undefined},
  {n: 26, input: 'ANNA SMITH', output: undefined},
  {n: 27, input: '', output: undefined},
  {n: 28, input: '   ', output: undefined},
  // One-word names are read only where a credit signs off, never under the headline.
  {n: 29, input: '王小明', position: 'top', output: undefined},
  {n: 30, input: 'Anna Smith and 王小明', position: 'top', output: undefined},
  {n: 31, input: 'Reporting by Anna Smith and the team', output: undefined},
  {n: 32, input: 'Reporting by Anna Smith; Thanks to Ben Jones', output: undefined},
  {n: 33, input: 'Source: the minister', output: undefined},
  {n: 34, input: 'Source: AFP, the minister', output: undefined},
  {n: 35, input: 'Source: ab', output: undefined},
  {n: 36, input: 'Source: Ministry of Health', output: undefined},
  {n: 37, input: 'Source: Government Figures Released On Monday', output: undefined},
  {n: 38, input: 'Hospital staff were told to go home on Monday', output: undefined},
  {n: 39, input: 'news@thelocal.se', output: undefined},
  {n: 40, input: 'Anna Smith and friends', output: undefined},
  {n: 41, input: 'Anna Smith. Ben Jones', output: undefined},
  {n: 42, input: 'Anna Smith Political Editor Published: Monday', output: undefined},
  {n: 43, input: 'Anna Smith, who is now our correspondent', output: undefined},
  {n: 44, input: 'Anna Smith Political Editor writes about the economy', output: undefined},
  {
    n: 45,
    input: 'Anna Smith, BBC World Service Middle East chief correspondent',
    output: undefined,
  },
  {n: 46, input: 'Yes/no (AFP)', output: undefined},
  {n: 47, input: 'Hello, Anna Smith', output: undefined},
  {n: 48, input: 'Canal T.V', output: undefined},
  {n: 49, input: 'The Guardian', output: undefined},
  {n: 50, input: 'Anna Smith and van Dijk', output: undefined},
  {n: 51, input: 'Anna Smith+Ben Jones', output: undefined},
  {n: 52, input: 'Juan Carlos María José García López', output: undefined},
  {n: 53, input: OVERLONG_BYLINE, output: undefined},
  {n: 54, input: `${LONGEST_TRAILER}.`, output: undefined},
  {n: 55, input: 'Correspondent, Correspondent', output: undefined},
  // A name ends in a name: a line cut short after `y` is not a byline.
  {n: 56, input: 'Por Ana García y', output: undefined},
  {n: 57, input: 'Anna Smith, Ben van', output: undefined},
  // `with` joins authors to agencies, never to a place: these are sentences.
  {n: 58, input: 'Joe Biden with Zelensky.', position: 'top', output: undefined},
  {n: 59, input: 'Joe Biden with Zelensky', output: undefined},
  {n: 60, input: '北京 with Ukraine.', position: 'top', output: undefined},
  // A place stands apart after a comma; after `and` a capitalised word is another name.
  {n: 61, input: 'Joe Biden and Zelensky.', position: 'top', output: undefined},
  {n: 62, input: 'Anna Smith and Berlin', output: undefined},
  {n: 63, input: 'Maria García y Madrid', position: 'top', output: undefined},
]

/** Lines that may be labelled credits, and lines that cannot be. */
const labelHints: {n: number; input: string; output: boolean}[] = [
  {n: 1, input: '  By Anna Smith  ', output: true},
  {n: 2, input: '  Source: Reuters', output: true},
  {n: 3, input: 'Anna Smith, BBC correspondent', output: true},
  {n: 4, input: LONGEST_TRAILER, output: true},
  {n: 5, input: ` ${LONGEST_TRAILER}.`, output: false},
  {n: 6, input: 'The weather was fine on Monday', output: false},
]

describe('parseByline', () => {
  test.each(credits)('parseByline: $n reads $input', ({input, position, output}) => {
    expect(parseByline(input, position)).toStrictEqual(output)
  })

  test.each(notCredits)('parseByline: $n leaves $input as text', ({input, position, output}) => {
    expect(parseByline(input, position)).toStrictEqual(output)
  })

  test.each(particleNames)('parseByline: $n reads the name $input', ({input, output}) => {
    expect(parseByline(input)).toStrictEqual(output)
  })

  test('parseByline: the long lines are as long as the limits they test', () => {
    expect([LONGEST_BYLINE.length, OVERLONG_BYLINE.length, LONGEST_TRAILER.length]).toStrictEqual([
      160, 163, 300,
    ])
  })
})

describe('bylineReader', () => {
  const lines = [...credits, ...notCredits, ...particleNames].map(({input}) => input)
  const positions: CreditPosition[] = ['end', 'top', 'marked']

  test('bylineReader: reads every fixture line in every place as parseByline does, each asked twice', () => {
    const readByline = bylineReader()
    // The same reader throughout, a line asked in one place and then another, as an article is.
    const asked = [...positions, ...positions.toReversed()].flatMap((position) =>
      lines.map((line) => ({line, position})),
    )
    for (const {line, position} of asked) {
      expect(readByline(line, position), `${line} (${position})`).toStrictEqual(
        parseByline(line, position),
      )
    }
  })

  test('bylineReader: a credit it gave can be changed without changing the next answer', () => {
    const readByline = bylineReader()
    const first = readByline('By Anna Smith and Tom Jones, with AFP')
    first?.authors.push('Someone Else')
    first?.agencies.splice(0)
    expect(readByline('By Anna Smith and Tom Jones, with AFP')).toStrictEqual(
      parseByline('By Anna Smith and Tom Jones, with AFP'),
    )
  })
})

describe('mayBeLabelledCredit', () => {
  test.each(labelHints)('mayBeLabelledCredit: $n answers $output for $input', ({input, output}) => {
    expect(mayBeLabelledCredit(input)).toBe(output)
  })
})
