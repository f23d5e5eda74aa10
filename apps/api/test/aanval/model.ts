/**
 * What the attack suite knows about the world: the seeded rows (the truth), the principals that
 * attack, and the figures they were given (observations). Dates are day numbers (UTC days since
 * 1970-01-01) so periods are plain integer intervals.
 */

export const GROEPEN = [
  'STATUSHOUDERS',
  'URGENTEN',
  'UITSTROOM_INSTELLINGEN',
  'DAK_EN_THUISLOZEN',
  'ARBEIDSMIGRANTEN',
  'STUDENTEN',
  'WOONWAGENBEWONERS',
  'OUDEREN',
] as const;
export type Groep = (typeof GROEPEN)[number];

export interface Toewijzing {
  corporatie: string; // organisation code
  gemeente: string;
  dag: number;
  groep: Groep | null;
  grootte: number;
  urgent: boolean;
  /** the category of the urgentieregeling, for some urgent households (review of session 5) */
  categorie?: UrgentieCategorie | null;
}

/** Urgentie categories the suite seeds: a mandatory one and the justice-adjacent detentie. */
export const URGENTIE_CATEGORIEEN = ['MANTELZORG', 'UITSTROOM_DETENTIE'] as const;
export type UrgentieCategorie = (typeof URGENTIE_CATEGORIEEN)[number];

export type KcIndicator = 'HUISUITZETTINGEN' | 'VROEGSIGNALERING_TRAJECTEN' | 'UITSTROOM_WACHTEND';
export interface Kwartaalcijfer {
  organisatie: string;
  indicator: KcIndicator;
  gemeente: string;
  kwartaal: number; // jaar * 4 + (nummer - 1)
  waarde: number;
}

export interface Principaal {
  /** demo username, or a label for a minted account */
  naam: string;
  soort: 'CORPORATIE' | 'GEMEENTE' | 'PROVINCIE' | 'RIJK' | 'HUURDERSORGANISATIE' | 'ZORGAANBIEDER';
  organisatie: string;
  /** how to call the API as this principal */
  als: string | { token: string };
  /** gemeente code for a gemeente (owner of everything in it) */
  eigenGemeente?: string;
}

/**
 * Quantities the suite attacks. HH: households from toewijzingen (one indicator = a set of atoms);
 * P: persons (statushouders gehuisvest); KC_*: kwartaalcijfers.
 */
export type Grootheid =
  | 'HH_GROEP'
  | 'HH_URGENTIE'
  | 'P'
  | 'KC_HUISUITZETTINGEN'
  | 'KC_VROEGSIGNALERING_TRAJECTEN'
  | 'KC_UITSTROOM_WACHTEND';

/**
 * Atoms of the household systems: 8 groups + regulier; via urgentie split by its category
 * (JA = urgent without a category, JA_<code> per category) and no.
 */
export const GROEP_ATOMEN = [...GROEPEN, 'REGULIER'] as const;
export const URGENTIE_JA_ATOMEN = ['JA', ...URGENTIE_CATEGORIEEN.map((c) => `JA_${c}`)] as const;
export const URGENTIE_ATOMEN = [...URGENTIE_JA_ATOMEN, 'NEE'] as const;

export function groepAtoom(t: Toewijzing): string {
  return t.groep ?? 'REGULIER';
}
export function urgentieAtoom(t: Toewijzing): string {
  return t.urgent ? (t.categorie ? `JA_${t.categorie}` : 'JA') : 'NEE';
}

/** A signed period term: +[van, tot] or −[van, tot] (the report's "verschil" column is Q − vorig Q). */
export interface Term {
  van: number;
  tot: number;
  teken: 1 | -1;
}

/** One figure a principal was given. */
export interface Observatie {
  /** where it came from: voortgang, voortgang.gemeenten, afspraken, rapport.csv:Sectie, … */
  bron: string;
  grootheid: Grootheid;
  /** the gemeenten the figure sums over */
  gemeenten: string[];
  termen: Term[];
  /** atoms of the quantity (HH: groups or urgency; others: ['*']) */
  atomen: readonly string[];
  /** null = shown as × (unknown) */
  waarde: number | null;
  /** for reporting: what the API called it */
  label: string;
}

// ---------- dates ----------
const DAG = 86_400_000;
export const dag = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAG);
export const iso = (d: number): string => new Date(d * DAG).toISOString().slice(0, 10);
export const kwartaalVanDag = (d: number): number => {
  const [j, m] = iso(d).split('-').map(Number);
  return j * 4 + Math.floor((m - 1) / 3);
};
export const kwartaalStart = (k: number): number =>
  dag(`${Math.floor(k / 4)}-${String((k % 4) * 3 + 1).padStart(2, '0')}-01`);
export const kwartaalEinde = (k: number): number => kwartaalStart(k + 1) - 1;
export const kwartaalCode = (k: number): string => `${Math.floor(k / 4)}-Q${(k % 4) + 1}`;
export const parseKwartaalCode = (s: string): number => {
  const m = /^(\d{4})-Q([1-4])$/i.exec(s.trim());
  if (!m) throw new Error(`not a quarter: ${s}`);
  return Number(m[1]) * 4 + Number(m[2]) - 1;
};
