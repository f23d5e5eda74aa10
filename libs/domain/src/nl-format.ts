import { parseIsoDatum, type IsoDatum } from './iso-datum';

/**
 * Dutch presentation of numbers and dates (nl-NL), shared by the web app, the CSV/XLSX/PDF
 * reports and the tests, so a figure reads the same everywhere.
 */

/** Shown for a missing value: an en dash, as Dutch tables do. */
export const GEEN_WAARDE = '–';

const getalFormaten = new Map<string, Intl.NumberFormat>();

function getalFormaat(min: number, max: number): Intl.NumberFormat {
  const sleutel = `${min}-${max}`;
  let formaat = getalFormaten.get(sleutel);
  if (!formaat) {
    // signDisplay 'negative': a value that rounds to zero must not show as '-0'
    formaat = new Intl.NumberFormat('nl-NL', {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      signDisplay: 'negative',
    });
    getalFormaten.set(sleutel, formaat);
  }
  return formaat;
}

/**
 * 1234.5 → '1.234,5'. Without `decimalen` at most two decimals are shown and trailing zeros
 * dropped; with `decimalen` exactly that many. Null, undefined and NaN show as '–'.
 * nl-NL groups thousands from four digits on (1234 → '1.234'); the separators are plain '.' and ','
 * (no non-breaking spaces appear in plain numbers).
 */
export function formatGetal(waarde: number | null | undefined, decimalen?: number): string {
  if (waarde === null || waarde === undefined || Number.isNaN(waarde)) return GEEN_WAARDE;
  const formaat = decimalen === undefined ? getalFormaat(0, 2) : getalFormaat(decimalen, decimalen);
  return formaat.format(waarde);
}

/**
 * The input is in PERCENTAGE POINTS, not a fraction: formatPercentage(30.5) → '30,5%'. That is the
 * scale berekenVoortgang returns and the way Dutch policy texts state targets ("30% sociale huur"),
 * so nobody multiplies by 100 on the way. At most one decimal by default; nl-NL writes the percent
 * sign directly after the number, without a space.
 */
export function formatPercentage(waarde: number | null | undefined, decimalen?: number): string {
  if (waarde === null || waarde === undefined || Number.isNaN(waarde)) return GEEN_WAARDE;
  const formaat = decimalen === undefined ? getalFormaat(0, 1) : getalFormaat(decimalen, decimalen);
  return `${formaat.format(waarde)}%`;
}

/** '2026-12-31' → '31-12-2026' (built from the parts: no Date, so no time zone can shift it). */
export function formatDatum(datum: IsoDatum): string {
  const { jaar, maand, dag } = parseIsoDatum(datum);
  return `${String(dag).padStart(2, '0')}-${String(maand).padStart(2, '0')}-${jaar}`;
}

const MAANDEN = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

export function maandNaam(maand: number): string {
  const naam = MAANDEN[maand - 1];
  if (!naam) throw new RangeError(`maand ${maand}`);
  return naam;
}

/** '2026-12-31' → '31 december 2026'; '2026-01-01' → '1 januari 2026' (Dutch: no leading zero, lower case). */
export function formatDatumLang(datum: IsoDatum): string {
  const { jaar, maand, dag } = parseIsoDatum(datum);
  return `${dag} ${maandNaam(maand)} ${jaar}`;
}
