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
 * `(AFP) -`: a dateline with the agency that filed the story, at the start of the lead.
 */
const DATELINE =
  /^(?:[\p{Lu}][\p{L}\p{M}.'’ -]{0,40}?(?:,[^()\n]{1,40})?\s*)?\(([^()]{2,40})\)\s*\.?\s*[-–—:]/u

/**
 * The agencies a lead's dateline credits.
 *
 * @param lead - the text of the article's first paragraph
 * @returns the agencies, or an empty list when the lead opens with no agency dateline
 */
export function datelineAgencies(lead: string): string[] {
  const credit = DATELINE.exec(lead)?.[1]
  return credit === undefined ? [] : (agenciesIn(credit) ?? [])
}
