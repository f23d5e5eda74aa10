import { DomainError } from './domain-error';
import { tekstSleutel } from './tekst-sleutel';

/**
 * The 19 woningmarktregio's of the 2016 indeling (Woningwet art. 41a/41b): the regions the
 * minister for Wonen (Blok) fixed on the gemeenten's own proposals, published in the Staatscourant
 * of 30 August 2016 and announced in his letter to the Tweede Kamer of 2 September 2016.
 * Names and order follow the table in Aedes, "Woningmarktregio's vastgesteld en van kracht"
 * (aedes.nl, September 2016), which also gives the number of gemeenten per region; those add up to
 * 390, the number of gemeenten in 2016. Spelling normalised to the usual geographic forms
 * ('Oost-Nederland', 'Noordoost-Brabant', 'Goeree-Overflakkee', 'U16'); woningmarktregioOpNaam
 * accepts the other spellings too. Since then gemeenten merged, so membership is NOT derived
 * from these counts: it is imported data (see the design). The codes WMR01..WMR19 are our own,
 * in that order, and never change meaning.
 */
export interface Woningmarktregio {
  readonly code: string;
  readonly naam: string;
  /** number of gemeenten in the region at the 2016 vaststelling (historical, for reference only) */
  readonly aantalGemeenten2016: number;
}

export const WONINGMARKTREGIOS: readonly Woningmarktregio[] = [
  { code: 'WMR01', naam: 'Friesland', aantalGemeenten2016: 24 },
  { code: 'WMR02', naam: 'Groningen/Drenthe', aantalGemeenten2016: 35 },
  { code: 'WMR03', naam: 'Noord-Holland Noord', aantalGemeenten2016: 18 },
  { code: 'WMR04', naam: 'Zwolle/Stedendriehoek', aantalGemeenten2016: 22 },
  { code: 'WMR05', naam: 'Metropoolregio Amsterdam', aantalGemeenten2016: 32 },
  { code: 'WMR06', naam: 'Amersfoort/Noord-Veluwe/Zeewolde', aantalGemeenten2016: 15 },
  { code: 'WMR07', naam: 'Holland Rijnland', aantalGemeenten2016: 14 },
  { code: 'WMR08', naam: 'Oost-Nederland', aantalGemeenten2016: 21 },
  { code: 'WMR09', naam: 'U16', aantalGemeenten2016: 16 },
  { code: 'WMR10', naam: 'Food Valley', aantalGemeenten2016: 7 },
  { code: 'WMR11', naam: 'Haaglanden/Midden-Holland/Rotterdam', aantalGemeenten2016: 28 },
  { code: 'WMR12', naam: 'Arnhem/Nijmegen', aantalGemeenten2016: 18 },
  { code: 'WMR13', naam: 'Woongaard', aantalGemeenten2016: 19 },
  { code: 'WMR14', naam: 'Drechtsteden/Hoeksche Waard/Goeree-Overflakkee', aantalGemeenten2016: 12 },
  { code: 'WMR15', naam: 'Noordoost-Brabant', aantalGemeenten2016: 19 },
  { code: 'WMR16', naam: 'West-Brabant en Hart van Brabant', aantalGemeenten2016: 24 },
  { code: 'WMR17', naam: 'Zeeland', aantalGemeenten2016: 12 },
  { code: 'WMR18', naam: 'Metropoolregio Eindhoven', aantalGemeenten2016: 21 },
  { code: 'WMR19', naam: 'Limburg', aantalGemeenten2016: 33 },
];

const OP_CODE = new Map(WONINGMARKTREGIOS.map((r) => [r.code, r]));
const OP_NAAM = new Map(WONINGMARKTREGIOS.map((r) => [tekstSleutel(r.naam), r]));

export function isWoningmarktregioCode(waarde: unknown): waarde is string {
  return typeof waarde === 'string' && OP_CODE.has(waarde);
}

export function woningmarktregioOpCode(code: string): Woningmarktregio {
  const regio = OP_CODE.get(code);
  if (!regio) throw new DomainError('ONBEKENDE_WONINGMARKTREGIO', `Woningmarktregio '${code}' bestaat niet`);
  return regio;
}

/**
 * Finds a region by name as written in an imported membership file; case, spaces, slashes and
 * hyphens do not matter ('Groningen-Drenthe', 'U 16', 'Noordoost Brabant').
 */
export function woningmarktregioOpNaam(naam: string): Woningmarktregio | undefined {
  return OP_NAAM.get(tekstSleutel(naam));
}
