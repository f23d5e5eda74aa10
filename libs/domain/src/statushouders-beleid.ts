import { DomainError } from './domain-error';
import { halfjaarStart, type Halfjaar } from './halfjaar';
import { isIsoDatum, type IsoDatum } from './iso-datum';

/**
 * The national statushouders (vergunninghouders) policy by date: whether the Rijk's half-yearly
 * taakstelling for gemeenten applies (Huisvestingswet 2014, art. 28–30) and whether a gemeente may
 * give vergunninghouders priority (voorrang) in its urgentieregeling. Reference data (table
 * statushouders_beleid, migration 1767400000000), one row per date the policy changes, each with its
 * source; only the platform operator adds a row (docs/decisions.md "Statushouders: national policy
 * by date").
 *
 * Sources:
 * - Huisvestingswet 2014 (in force 1 January 2015), art. 28: the college houses the
 *   vergunninghouders it is given per half year (the taakstelling);
 * - Kamerstukken 34454 (Eerste Kamer 2016-2017): the statutory priority of vergunninghouders was
 *   removed; a gemeente may still make them an urgentiecategorie (TOEGESTAAN);
 * - Kamerstukken 36831 "Wet nieuwe regels inzake huisvesting vergunninghouders" (verbod op voorrang;
 *   verslag TK 18 December 2025): announced, not law; no end date is encoded. The operator adds the
 *   row when a law is in the Staatsblad.
 */
export type StatushoudersVoorrang = 'VERPLICHT' | 'TOEGESTAAN' | 'VERBODEN';
export const STATUSHOUDERS_VOORRANG: readonly StatushoudersVoorrang[] = [
  'VERPLICHT',
  'TOEGESTAAN',
  'VERBODEN',
];
export const STATUSHOUDERS_VOORRANG_LABEL: Record<StatushoudersVoorrang, string> = {
  VERPLICHT: 'Voorrang voor vergunninghouders is verplicht',
  TOEGESTAAN: 'De gemeente mag vergunninghouders voorrang geven (urgentiecategorie)',
  VERBODEN: 'Voorrang voor vergunninghouders is verboden',
};

export interface StatushoudersBeleid {
  /** first day this policy applies; it applies until the next row's geldigVan */
  readonly geldigVan: IsoDatum;
  /** whether the half-yearly taakstelling for gemeenten applies */
  readonly taakstelling: boolean;
  readonly voorrang: StatushoudersVoorrang;
  /** what the policy means for a gemeente, shown beside a half year it governs */
  readonly toelichting: string;
  /** the law or Kamerstuk it comes from */
  readonly bron: string;
}

const opDatum = (a: StatushoudersBeleid, b: StatushoudersBeleid) => (a.geldigVan < b.geldigVan ? -1 : 1);

/** The policy in force on `datum`: the last row that started on or before it (null before the first). */
export function statushoudersBeleidOp(
  rijen: readonly StatushoudersBeleid[],
  datum: IsoDatum,
): StatushoudersBeleid | null {
  return (
    [...rijen]
      .sort(opDatum)
      .filter((r) => r.geldigVan <= datum)
      .at(-1) ?? null
  );
}

/**
 * Whether a half year is judged against a taakstelling: the policy in force on its FIRST day says
 * the taakstelling applies (a half year that had started when the taakstelling ended keeps its
 * target: the circulaire for it was already sent). Before the first row (no data): judged, as before.
 */
export function halfjaarBeoordeeld(rijen: readonly StatushoudersBeleid[], halfjaar: Halfjaar): boolean {
  return statushoudersBeleidOp(rijen, halfjaarStart(halfjaar))?.taakstelling ?? true;
}

export interface NieuwBeleid {
  readonly geldigVan: string;
  readonly taakstelling: boolean;
  readonly voorrang: string;
  readonly toelichting: string;
  readonly bron: string;
}

/**
 * The rows after the operator records a policy from `nieuw.geldigVan` (a row on the same date is
 * replaced: a correction). Refused in Dutch: not a date, on or before the first row (the history
 * from the Huisvestingswet 2014 is not rewritten), unknown voorrang, empty text.
 */
export function zetStatushoudersBeleid(
  rijen: readonly StatushoudersBeleid[],
  nieuw: NieuwBeleid,
): StatushoudersBeleid[] {
  const eerste = [...rijen].sort(opDatum)[0];
  if (!eerste) throw new Error('statushouders_beleid: the seeded first row is missing');
  const datum = nieuw.geldigVan.trim();
  if (!isIsoDatum(datum))
    throw new DomainError('ONGELDIGE_DATUM', `'${datum}' is geen datum; schrijf de datum als jjjj-mm-dd.`);
  if (datum <= eerste.geldigVan)
    throw new DomainError('DATUM_TE_VROEG', `Het beleid moet na ${eerste.geldigVan} ingaan.`);
  if (!STATUSHOUDERS_VOORRANG.includes(nieuw.voorrang as StatushoudersVoorrang))
    throw new DomainError(
      'ONBEKENDE_VOORRANG',
      `Onbekende voorrang '${nieuw.voorrang}'; kies ${STATUSHOUDERS_VOORRANG.join(', ')}.`,
    );
  const toelichting = nieuw.toelichting.trim();
  const bron = nieuw.bron.trim();
  if (!toelichting || toelichting.length > 1000)
    throw new DomainError('ONGELDIGE_TOELICHTING', 'Geef een toelichting van hoogstens 1000 tekens.');
  if (!bron || bron.length > 1000)
    throw new DomainError('ONGELDIGE_BRON', 'Noem de bron (wet of Kamerstuk), hoogstens 1000 tekens.');
  const rij: StatushoudersBeleid = {
    geldigVan: datum,
    taakstelling: nieuw.taakstelling,
    voorrang: nieuw.voorrang as StatushoudersVoorrang,
    toelichting,
    bron,
  };
  return [...rijen.filter((r) => r.geldigVan !== datum), rij].sort(opDatum);
}
