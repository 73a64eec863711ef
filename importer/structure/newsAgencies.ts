/**
 * The world's news agencies, as credit lines print them: the international agencies, every
 * national agency a newsroom is likely to receive copy from, and the few financial and sports
 * wires credited like them. A credit that is one of these is an agency, never a person. Kept in
 * one place so that bylines, datelines and parenthesised credits agree.
 */
const NEWS_AGENCIES = [
  // International
  'AFP',
  'Agence France-Presse',
  'AP',
  'Associated Press',
  'Reuters',
  'Thomson Reuters',
  'Bloomberg',
  'UPI',
  'United Press International',
  // Europe
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
  // Americas
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
  // Asia and the Pacific
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
  // Middle East and Africa
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
] as const

const KNOWN = new Set<string>(NEWS_AGENCIES.map((agency) => agency.toLowerCase()))
const STARTS_CAPITAL = /^\p{Lu}/u

/**
 * Broadcasters that file under their own name in a dateline, as agencies do: `(CNN) —`.
 */
const BROADCASTERS = new Set([
  'cnn',
  'bbc',
  'abc',
  'nbc',
  'cbs',
  'fox',
  'npr',
  'dw',
  'rfi',
  'rte',
  'rté',
  'srf',
  'rts',
  'orf',
  'zdf',
  'ard',
  'ndr',
  'wdr',
  'mdr',
  'swr',
  'br',
  'euronews',
  'france 24',
  'al jazeera',
])

/** Each agency's name as a whole-word pattern, longest names first, to find them in a line. */
const PATTERNS = [...new Set(NEWS_AGENCIES)]
  .sort((a, b) => b.length - a.length)
  .map((agency) => ({
    agency,
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}])${agency.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
      'iu',
    ),
  }))

/** Words that credit agencies without naming them: `with agencies`, `avec agences`… */
const UNNAMED = new Set([
  'agencies',
  'wires',
  'wire services',
  'news agencies',
  'agences',
  'agencias',
  'agências',
  'agencias de noticias',
  'agenturen',
  'nachrichtenagenturen',
  'agenzie',
])

/** Names of one agency: the short name first, as datelines print it. */
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
const AGENCY_KEY = new Map(
  SAME_AGENCY.flatMap((names) =>
    names.map((name) => [name.toLowerCase(), names[0]?.toLowerCase()]),
  ),
)

/**
 * One key for the names of one agency, so `AP`, `Associated Press` and `The Associated Press`
 * are credited once.
 *
 * @param name - an agency as a credit printed it
 * @returns its key; any other credit's lowercase name
 */
export function agencyKey(name: string): string {
  const lower = name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
  return AGENCY_KEY.get(lower) ?? lower
}

/**
 * Whether a credit names a news agency: one of the list (any case, with or without a leading
 * "The"), or a plural that credits agencies without naming them ("agencies", "Agenturen").
 *
 * @param name - one credit, trimmed
 * @returns true for an agency credit
 */
export function isNewsAgency(name: string): boolean {
  const lower = name.toLowerCase().replace(/^the\s+/, '')
  return KNOWN.has(lower) || UNNAMED.has(lower)
}

/**
 * The agencies a line names anywhere, as the list spells them: `© 2019 Associated Press. All
 * rights reserved.` names Associated Press; `Ap National Security Writer` names AP. A short
 * name matches only a capitalised word, so the `ap` of a sentence is not AP.
 *
 * @param text - a credit or copyright line
 * @returns the agencies, longest names first, each once
 */
export function newsAgenciesIn(text: string): string[] {
  const found: string[] = []
  let rest = text
  for (const {agency, pattern} of PATTERNS) {
    const match = pattern.exec(rest)
    if (!match || (agency.length <= 3 && !STARTS_CAPITAL.test(match[0]))) continue
    found.push(agency)
    rest =
      rest.slice(0, match.index) +
      ' '.repeat(match[0].length) +
      rest.slice(match.index + match[0].length)
  }
  return found
}

/**
 * The agencies named in a slash- or comma-separated credit such as `AFP/Reuters`, `dpa/lnw` or
 * `AFP, AP`, when every part is an agency or an editor's lowercase code (`lnw`, `jum`).
 *
 * @param text - the credit, without parentheses
 * @returns the agencies in order, or undefined when some part is neither
 */
export function agenciesIn(text: string): string[] | undefined {
  const parts = text
    .split(/\s*[/,]\s*|\s+(?:and|&|et|y|e|und)\s+/)
    .map((part) => part.trim())
    .filter(Boolean)
  const agencies = parts.filter(isNewsAgency)
  const codes = parts.filter((part) => !isNewsAgency(part))
  if (agencies.length === 0 || !codes.every(isEditorCode)) return undefined
  return agencies
}

/** `lnw`, `jum`, `ab`: the lowercase initials wire desks sign copy with. */
export function isEditorCode(part: string): boolean {
  return /^[a-z]{1,4}$/.test(part)
}

/**
 * `PARIS (Reuters) -`, `WASHINGTON (AP) —`, `Berlin (dpa/lnw) -`, `Madrid, 12 ene (EFE).-`,
 * `(AFP) -`, `(CNN)President…`: a dateline with the agency that filed the story.
 */
const DATELINE =
  /^(?:[\p{Lu}][\p{L}\p{M}.'’/ -]{0,40}?(?:,[^()\n]{1,40})?\s*)?\(([^()]{2,40})\)\s*(?:\.?\s*[-–—:]|(?=\p{Lu}))/u
/** `KVELLER via JTA —`: a story one outlet ran through an agency. */
const VIA_DATELINE =
  /^([\p{Lu}][\p{L}\p{M}.&' -]{1,40}?) via ([\p{Lu}][\p{L}\p{M}.&' -]{1,40}?)\s+[-–—]\s/u

/**
 * The agencies a lead's dateline credits: agencies, and a broadcaster filing under its name.
 *
 * @param lead - the text of the article's first paragraph
 * @returns the agencies, or an empty list when the lead opens with no agency dateline
 */
export function datelineAgencies(lead: string): string[] {
  const via = VIA_DATELINE.exec(lead)
  if (via && isNewsAgency(via[2] ?? '')) return [via[1] ?? '', via[2] ?? '']
  const credit = DATELINE.exec(lead)?.[1]
  if (credit === undefined) return []
  return agenciesIn(credit) ?? (BROADCASTERS.has(credit.toLowerCase()) ? [credit] : [])
}

/** `… hieß es. (FR mit dpa)`, `… aquatiques. (ats/nxp)`: a paragraph closed by its credit. */
const CLOSING_CREDIT = /\(([^()]{2,40})\)$/u

/**
 * The agencies a paragraph's closing parenthesised credit names, when it names nothing else
 * but a desk's code or the newspaper it ran in (`FR mit dpa`).
 *
 * @param paragraph - a paragraph's text
 * @returns the agencies, or an empty list
 */
export function trailingCreditAgencies(paragraph: string): string[] {
  const credit = CLOSING_CREDIT.exec(paragraph.trim())?.[1]
  if (credit === undefined) return []
  const agencies = credit.split(/\s+(?:mit|with|avec|con|com)\s+/i).at(-1) ?? ''
  return agenciesIn(agencies) ?? []
}
