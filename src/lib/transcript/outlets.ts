/**
 * News outlets known to ask the ministry questions, as the English transcripts name them in their
 * labels ("Reuters:", "Shenzhen TV:"): every outlet that asked in the shared corpus (2018–2020).
 * A known outlet's label always opens a question; an outlet-shaped label not listed here does so
 * only where its paragraph asks something (labels.ts: opensTurn), so that "First: stop
 * interfering." inside an answer stays part of the answer. Add outlets here as they appear; the
 * match ignores case, a leading "The" and a trailing "News Agency" or "News".
 */
const outlets = [
  'ABC',
  'ABC Australia',
  'Agence France-Presse',
  'AFP',
  'Al Jazeera',
  'AP',
  'Associated Press',
  'Associated Press of Pakistan',
  'Australian',
  'Australian Broadcasting Corporation',
  'BBC',
  'Beijing Daily',
  'Beijing Media Network',
  'Beijing Youth Daily',
  'Bloomberg',
  'CBS',
  'CCTV',
  'CCTV4',
  'CGTN',
  'China Daily',
  'China National Radio',
  'China News Service',
  'China Radio International',
  'China Review',
  'CNBC',
  'CNN',
  'CNR',
  'CNS',
  'CRI',
  'Dragon TV',
  'EFE',
  'Feature Story',
  'Financial Times',
  'France 24',
  'Global Times',
  'Globe and Mail',
  'Guangming Daily',
  'Hubei Media Group',
  'Hong Kong Commercial Daily',
  'Jiji Press',
  'Kyodo',
  'Macau Monthly',
  'MBC',
  'NBC',
  'NHK',
  'Nihon Keizai Shimbun',
  'Nikkei',
  'National Public Radio',
  'NPR',
  'Paper',
  'People’s Daily',
  "People's Daily",
  'Phoenix TV',
  'Prensa Latina',
  'Press Trust of India',
  'PTI',
  'Reuters',
  'Reuters TV',
  'RIA Novosti',
  'RTHK',
  'SCMP',
  'Shenzhen TV',
  'Sky',
  'South China Morning Post',
  'Sputnik',
  'Swedish TV',
  'TASS',
  'TBS',
  'TV Asahi',
  'Voice of Vietnam',
  'Wall Street Journal',
  'Washington Post',
  'Xinhua',
  'Yomiuri Shimbun',
  'Yonhap',
  'Zaobao',
];

const normalize = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+(news agency|news)$/, '')
    .replace(/\s+/g, ' ');

const known = new Set(outlets.map(normalize));

/** Whether an English label names an outlet known to ask questions. */
export function isKnownOutlet(label: string): boolean {
  return known.has(normalize(label));
}
