import {describe, expect, test} from 'vitest'

import {
  agenciesIn,
  agencyKey,
  datelineAgencies,
  isEditorCode,
  isNewsAgency,
  newsAgenciesIn,
  trailingCreditAgencies,
} from '../importer/structure/newsAgencies'

/** Every agency a credit line may name, written out here independently of the module's list. */
const AGENCIES = [
  'AFP',
  'Agence France-Presse',
  'AP',
  'Associated Press',
  'Reuters',
  'Thomson Reuters',
  'Bloomberg',
  'UPI',
  'United Press International',
  'dpa',
  'Deutsche Presse-Agentur',
  'dpa-AFX',
  'epd',
  'KNA',
  'SID',
  'APA',
  'Keystone-SDA',
  'SDA',
  'ATS',
  'ANSA',
  'Adnkronos',
  'EFE',
  'Agencia EFE',
  'Europa Press',
  'Servimedia',
  'Lusa',
  'PA',
  'PA Media',
  'Press Association',
  'ANP',
  'Belga',
  'Ritzau',
  'NTB',
  'TT',
  'STT',
  'FNB',
  'CTK',
  'ČTK',
  'TASR',
  'PAP',
  'MTI',
  'STA',
  'HINA',
  'Tanjug',
  'BTA',
  'Agerpres',
  'ANA-MPA',
  'AMNA',
  'CNA',
  'TASS',
  'RIA Novosti',
  'Interfax',
  'Ukrinform',
  'UNIAN',
  'BelTA',
  'LETA',
  'ELTA',
  'BNS',
  'Anadolu',
  'Anadolu Agency',
  'AA',
  'CP',
  'Canadian Press',
  'The Canadian Press',
  'Agência Brasil',
  'Agência Estado',
  'Estadão Conteúdo',
  'Folhapress',
  'Notimex',
  'Télam',
  'Prensa Latina',
  'Andina',
  'ANDES',
  'ABI',
  'Xinhua',
  'Kyodo',
  'Kyodo News',
  'Jiji',
  'Jiji Press',
  'Yonhap',
  'KCNA',
  'Bernama',
  'Antara',
  'PTI',
  'IANS',
  'ANI',
  'UNI',
  'VNA',
  'PNA',
  'AAP',
  'NZPA',
  'JTA',
  'MENA',
  'SPA',
  'WAM',
  'QNA',
  'KUNA',
  'BNA',
  'IRNA',
  'ISNA',
  'SANA',
  'Petra',
  'APS',
  'MAP',
  'TAP',
  'NAN',
  'SAPA',
  'ANA',
]

/** Plurals that credit agencies without naming them. */
const UNNAMED = [
  'agencies',
  'Wires',
  'wire services',
  'News Agencies',
  'agences',
  'Agencias',
  'agências',
  'agencias de noticias',
  'Agenturen',
  'Nachrichtenagenturen',
  'agenzie',
]

/** Broadcasters that file under their own name in a dateline, as printed there. */
const BROADCASTERS = [
  'CNN',
  'BBC',
  'ABC',
  'NBC',
  'CBS',
  'Fox',
  'NPR',
  'DW',
  'RFI',
  'RTE',
  'RTÉ',
  'SRF',
  'RTS',
  'ORF',
  'ZDF',
  'ARD',
  'NDR',
  'WDR',
  'MDR',
  'SWR',
  'BR',
  'Euronews',
  'France 24',
  'Al Jazeera',
]

/** Each agency's names, short name first: every one of them keys to the short name. */
const SAME_AGENCY = [
  ['AP', 'Associated Press'],
  ['AFP', 'Agence France-Presse'],
  ['Reuters', 'Thomson Reuters'],
  ['dpa', 'Deutsche Presse-Agentur'],
  ['EFE', 'Agencia EFE'],
  ['PA', 'PA Media', 'Press Association'],
  ['CP', 'Canadian Press'],
  ['UPI', 'United Press International'],
  ['Kyodo', 'Kyodo News'],
  ['Jiji', 'Jiji Press'],
  ['Anadolu', 'Anadolu Agency', 'AA'],
  ['Keystone-SDA', 'SDA', 'ATS'],
]

describe('isNewsAgency', () => {
  test.each(AGENCIES)('isNewsAgency: recognises %s in any case', (name) => {
    expect([
      isNewsAgency(name),
      isNewsAgency(name.toLowerCase()),
      isNewsAgency(name.toUpperCase()),
      isNewsAgency(`The ${name}`),
    ]).toStrictEqual([true, true, true, true])
  })

  test.each(UNNAMED)('isNewsAgency: recognises the unnamed credit %s', (name) => {
    expect(isNewsAgency(name)).toBe(true)
  })

  test.each(BROADCASTERS)(
    'isNewsAgency: does not take the broadcaster %s for an agency',
    (name) => {
      expect(isNewsAgency(name)).toBe(false)
    },
  )

  const others = [
    {n: 1, name: 'a person', input: 'Anna Smith', output: false},
    {n: 2, name: 'a newspaper', input: 'Der Spiegel', output: false},
    {n: 3, name: 'an empty credit', input: '', output: false},
    {n: 4, name: 'an agency with a suffix', input: 'AFP staff', output: false},
  ]
  test.each(others)('isNewsAgency: $n rejects $name', ({input, output}) => {
    expect(isNewsAgency(input)).toBe(output)
  })
})

describe('agencyKey', () => {
  const cases = SAME_AGENCY.flatMap((names) =>
    names.map((name) => ({name, output: names[0]?.toLowerCase()})),
  )
  test.each(cases)('agencyKey: keys $name to $output', ({name, output}) => {
    expect(agencyKey(name)).toBe(output)
  })

  const others = [
    {n: 1, name: 'a leading "The"', input: 'The Associated Press', output: 'ap'},
    {n: 2, name: 'runs of spaces', input: 'Associated   Press', output: 'ap'},
    {n: 3, name: 'an agency of one name', input: 'Xinhua', output: 'xinhua'},
    {n: 4, name: 'a person', input: 'Anna Smith', output: 'anna smith'},
  ]
  test.each(others)('agencyKey: $n reads $name', ({input, output}) => {
    expect(agencyKey(input)).toBe(output)
  })
})

describe('newsAgenciesIn', () => {
  const cases = [
    {
      n: 1,
      name: 'a copyright line',
      input: '© 2019 Associated Press. All rights reserved.',
      output: ['Associated Press'],
    },
    {
      n: 2,
      name: 'a long name, not the short one inside it',
      input: 'PA Media',
      output: ['PA Media'],
    },
    {n: 3, name: 'a long name after text', input: 'Photo: PA Media', output: ['PA Media']},
    {n: 4, name: 'Agencia EFE once', input: 'Agencia EFE', output: ['Agencia EFE']},
    {n: 5, name: 'Thomson Reuters once', input: 'Thomson Reuters', output: ['Thomson Reuters']},
    {n: 6, name: 'dpa-AFX once', input: 'dpa-AFX', output: ['dpa-AFX']},
    {
      n: 7,
      name: 'several agencies, longest first',
      input: 'AFP, Reuters and Associated Press',
      output: ['Associated Press', 'Reuters', 'AFP'],
    },
    {n: 8, name: 'a short name in capitals', input: 'Ap National Security Writer', output: ['AP']},
    {n: 9, name: 'a lowercase word that is a short name', input: 'we tap the ap feed', output: []},
    {n: 10, name: 'a lowercase three-letter name', input: 'from afp wires', output: []},
    {n: 11, name: 'a lowercase four-letter name', input: 'reports from tass', output: ['TASS']},
    {n: 12, name: 'a lowercase long name', input: 'reporting by reuters', output: ['Reuters']},
    {n: 13, name: 'no agency', input: 'The mayor spoke on Monday.', output: []},
    {n: 14, name: 'a name inside a word', input: 'Rapport', output: []},
    {n: 15, name: 'the same name twice', input: 'AFP and AFP', output: ['AFP']},
  ]
  test.each(cases)('newsAgenciesIn: $n finds $name', ({input, output}) => {
    expect(newsAgenciesIn(input)).toStrictEqual(output)
  })
})

describe('agenciesIn', () => {
  const cases = [
    {n: 1, name: 'a slash credit', input: 'AFP/Reuters', output: ['AFP', 'Reuters']},
    {n: 2, name: 'an agency and an editor code', input: 'dpa/lnw', output: ['dpa']},
    {n: 3, name: 'a comma credit', input: 'AFP, AP', output: ['AFP', 'AP']},
    {n: 4, name: 'agencies joined by "und"', input: 'dpa und AFP', output: ['dpa', 'AFP']},
    {n: 5, name: 'a person', input: 'Anna Smith', output: undefined},
    {n: 6, name: 'an agency and a person', input: 'AFP/Anna Smith', output: undefined},
  ]
  test.each(cases)('agenciesIn: $n reads $name', ({input, output}) => {
    expect(agenciesIn(input)).toStrictEqual(output)
  })

  const codes = [
    {n: 1, input: 'lnw', output: true},
    {n: 2, input: 'a', output: true},
    {n: 3, input: 'abcd', output: true},
    {n: 4, input: 'abcde', output: false},
    {n: 5, input: 'LNW', output: false},
    {n: 6, input: '', output: false},
  ]
  test.each(codes)('isEditorCode: $n reads "$input"', ({input, output}) => {
    expect(isEditorCode(input)).toBe(output)
  })
})

describe('datelineAgencies', () => {
  test.each(BROADCASTERS)('datelineAgencies: credits the broadcaster %s', (name) => {
    expect(datelineAgencies(`WASHINGTON (${name}) — The vote was close.`)).toStrictEqual([name])
  })

  const cases = [
    {n: 1, name: 'an agency', input: 'PARIS (Reuters) - The vote was close.', output: ['Reuters']},
    {n: 2, name: 'an agency and a code', input: 'Berlin (dpa/lnw) - Es regnet.', output: ['dpa']},
    {n: 3, name: 'a lead with no dateline', input: 'The vote was close.', output: []},
    {n: 4, name: 'a newspaper', input: 'BERLIN (Spiegel) - Es regnet.', output: []},
    {
      n: 5,
      name: 'a story run through an agency',
      input: 'KVELLER via JTA — The vote was close.',
      output: ['KVELLER', 'JTA'],
    },
    {
      n: 6,
      name: 'a story run through a newspaper',
      input: 'KVELLER via Haaretz — The vote was close.',
      output: [],
    },
  ]
  test.each(cases)('datelineAgencies: $n reads $name', ({input, output}) => {
    expect(datelineAgencies(input)).toStrictEqual(output)
  })
})

describe('trailingCreditAgencies', () => {
  const cases = [
    {n: 1, name: '"mit"', input: '… hieß es. (FR mit dpa)', output: ['dpa']},
    {n: 2, name: '"with"', input: '… he said. (Guardian with AFP)', output: ['AFP']},
    {n: 3, name: '"avec"', input: '… a-t-il dit. (Le Monde avec AFP)', output: ['AFP']},
    {n: 4, name: '"con"', input: '… dijo. (El País con EFE)', output: ['EFE']},
    {n: 5, name: '"com"', input: '… disse. (Folha com Reuters)', output: ['Reuters']},
    {n: 6, name: 'an agency and a code', input: '… aquatiques. (ats/nxp)', output: ['ats']},
    {n: 7, name: 'a newspaper alone', input: '… hieß es. (FR)', output: []},
    {n: 8, name: 'no closing credit', input: 'He said so.', output: []},
  ]
  test.each(cases)('trailingCreditAgencies: $n reads $name', ({input, output}) => {
    expect(trailingCreditAgencies(input)).toStrictEqual(output)
  })
})
