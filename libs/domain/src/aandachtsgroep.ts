import { tekstSleutel } from './tekst-sleutel';

/** The eight aandachtsgroepen of the programme Een thuis voor iedereen. */
export const AANDACHTSGROEPEN = [
  'STATUSHOUDERS',
  'URGENTEN',
  'UITSTROOM_INSTELLINGEN',
  'DAK_EN_THUISLOZEN',
  'ARBEIDSMIGRANTEN',
  'STUDENTEN',
  'WOONWAGENBEWONERS',
  'OUDEREN',
] as const;

export type Aandachtsgroep = (typeof AANDACHTSGROEPEN)[number];

const LABELS: Record<Aandachtsgroep, string> = {
  STATUSHOUDERS: 'Statushouders (vergunninghouders)',
  URGENTEN: 'Mensen met een sociale of medische urgentie',
  UITSTROOM_INSTELLINGEN: 'Uitstroom uit instellingen (MO/BW, GGZ, jeugdzorg)',
  DAK_EN_THUISLOZEN: 'Dak- en thuislozen',
  ARBEIDSMIGRANTEN: 'Arbeidsmigranten',
  STUDENTEN: 'Studenten',
  WOONWAGENBEWONERS: 'Woonwagenbewoners',
  OUDEREN: 'Ouderen',
};

export function aandachtsgroepLabel(groep: Aandachtsgroep): string {
  return LABELS[groep];
}

export function isAandachtsgroep(waarde: unknown): waarde is Aandachtsgroep {
  return typeof waarde === 'string' && (AANDACHTSGROEPEN as readonly string[]).includes(waarde);
}

/**
 * What allocation systems write, keyed by tekstSleutel (case, accents and separators ignored).
 * Only unambiguous words: 'jongeren' or 'zorg' alone could mean several groups, so they stay
 * unknown and the importer asks the corporatie to map them.
 */
const SYNONIEMEN: Record<Aandachtsgroep, readonly string[]> = {
  STATUSHOUDERS: [
    'statushouder',
    'statushouders',
    'vergunninghouder',
    'vergunninghouders',
    'vergunningshouder',
    'vergunningshouders',
    'verblijfsgerechtigde',
    'verblijfsgerechtigden',
  ],
  URGENTEN: [
    'urgent',
    'urgenten',
    'urgentie',
    'urgentieverklaring',
    'medischeurgentie',
    'socialeurgentie',
    'urgentiemedisch',
    'urgentiesociaal',
    'medischurgent',
    'sociaalurgent',
  ],
  UITSTROOM_INSTELLINGEN: [
    'uitstroom',
    'uitstroominstelling',
    'uitstroominstellingen',
    'uitstroommobw',
    'uitstroombwmo',
    'mobw',
    'bwmo',
    'maatschappelijkeopvang',
    'beschermdwonen',
    'uitstroommo',
    'uitstroombw',
    'ggz',
    'uitstroomggz',
    'jeugdzorg',
    'uitstroomjeugdzorg',
    'intramuraal',
    'uitstroomintramuraal',
  ],
  DAK_EN_THUISLOZEN: [
    'dakloos',
    'dakloze',
    'daklozen',
    'thuisloos',
    'thuisloze',
    'thuislozen',
    'dakenthuisloos',
    'dakenthuisloze',
    'dakenthuislozen',
  ],
  ARBEIDSMIGRANTEN: [
    'arbeidsmigrant',
    'arbeidsmigranten',
    'arbeidsmigratie',
    'buitenlandsewerknemer',
    'buitenlandsewerknemers',
    'internationalewerknemer',
    'internationalewerknemers',
  ],
  STUDENTEN: ['student', 'studenten', 'studentenhuisvesting'],
  WOONWAGENBEWONERS: ['woonwagen', 'woonwagens', 'woonwagenbewoner', 'woonwagenbewoners', 'standplaats'],
  OUDEREN: ['oudere', 'ouderen', 'senior', 'senioren', '65+', '65plus', 'ouderenhuisvesting'],
};

/** Words meaning "this household is not in an aandachtsgroep". */
const REGULIER: readonly string[] = [
  '',
  'regulier',
  'reguliere',
  'regulierewoningzoekende',
  'geen',
  'geenaandachtsgroep',
  'geendoelgroep',
  'nvt',
  'nee',
  'overig',
  'overige',
  'normaal',
  'geen bijzondere doelgroep',
].map(tekstSleutel);

const OPZOEK = new Map<string, Aandachtsgroep>();
for (const groep of AANDACHTSGROEPEN) {
  OPZOEK.set(tekstSleutel(groep), groep);
  for (const synoniem of SYNONIEMEN[groep]) OPZOEK.set(tekstSleutel(synoniem), groep);
}

export type AandachtsgroepParseResultaat =
  | { readonly soort: 'AANDACHTSGROEP'; readonly aandachtsgroep: Aandachtsgroep }
  | { readonly soort: 'REGULIER'; readonly aandachtsgroep: null }
  | { readonly soort: 'ONBEKEND'; readonly aandachtsgroep: null; readonly invoer: string };

/**
 * Reads an aandachtsgroep from free text. Three outcomes, so a caller can tell a household that
 * is deliberately "regulier" (aandachtsgroep null) from text nobody recognises: the first is a
 * valid row, the second is an import error. An empty cell counts as regulier: allocation systems
 * leave the column blank for households outside any aandachtsgroep.
 */
export function parseAandachtsgroep(tekst: string): AandachtsgroepParseResultaat {
  const sleutel = tekstSleutel(tekst);
  const groep = OPZOEK.get(sleutel);
  if (groep) return { soort: 'AANDACHTSGROEP', aandachtsgroep: groep };
  if (REGULIER.includes(sleutel)) return { soort: 'REGULIER', aandachtsgroep: null };
  return { soort: 'ONBEKEND', aandachtsgroep: null, invoer: tekst };
}
