import type { Eenheid } from './indicator-catalogus';
import { parseHalfjaar, type Halfjaar } from './halfjaar';
import { parseKwartaal, type Kwartaal } from './kwartaal';
import { formatDatumLang, formatGetal, formatPercentage, GEEN_WAARDE, maandNaam } from './nl-format';
import { parseIsoDatum } from './iso-datum';
import type { Periode } from './periode';

/**
 * How a report (PDF, CSV, XLSX) writes dates, periods, counts and changes in running Dutch text.
 * Sources: dates as "14 april 2011", month in lower case, no leading zero (Taalunie, taaladvies.net
 * "Datumnotatie", https://taaladvies.net/datumnotatie/); the change of a share in procentpunt, not
 * procent (https://gyurka.nl/procenten-een-stijging-nu-procenten-procentpunt/: "van 10% naar 11% is
 * een toename van 1 procentpunt").
 */

const RANG = ['eerste', 'tweede', 'derde', 'vierde'] as const;

/** '2026-H1' or {2026, 1} → 'eerste halfjaar 2026'. */
export function halfjaarTekst(halfjaar: Halfjaar | string): string {
  const h = typeof halfjaar === 'string' ? parseHalfjaar(halfjaar) : halfjaar;
  return `${RANG[h.nummer - 1]} halfjaar ${h.jaar}`;
}

/** '2026-Q3' or {2026, 3} → '3e kwartaal 2026' (as kwartaalLabel; accepts the code too). */
export function kwartaalTekst(kwartaal: Kwartaal | string): string {
  const k = typeof kwartaal === 'string' ? parseKwartaal(kwartaal) : kwartaal;
  return `${k.nummer}e kwartaal ${k.jaar}`;
}

/**
 * A period in running text: '1 januari t/m 30 september 2026' within one year,
 * '1 juli 2025 t/m 30 juni 2026' across years, '1 juli 2026' for one day.
 */
export function periodeTekst(periode: Periode): string {
  if (periode.van === periode.tot) return formatDatumLang(periode.van);
  const van = parseIsoDatum(periode.van);
  const tot = parseIsoDatum(periode.tot);
  if (van.jaar === tot.jaar) return `${van.dag} ${maandNaam(van.maand)} t/m ${formatDatumLang(periode.tot)}`;
  return `${formatDatumLang(periode.van)} t/m ${formatDatumLang(periode.tot)}`;
}

const AMSTERDAM = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A moment (the data cut-off) in Dutch time: '15 januari 2027 om 06:00 uur'. */
export function momentTekst(moment: Date | string): string {
  const d = typeof moment === 'string' ? new Date(moment) : moment;
  if (Number.isNaN(d.getTime())) throw new RangeError(`ongeldig moment ${String(moment)}`);
  const delen = Object.fromEntries(AMSTERDAM.formatToParts(d).map((p) => [p.type, p.value]));
  return `${Number(delen.day)} ${maandNaam(Number(delen.month))} ${delen.year} om ${delen.hour}:${delen.minute} uur`;
}

const EENHEID_WOORD: Record<Eenheid, [enkelvoud: string, meervoud: string]> = {
  WONINGEN: ['woning', 'woningen'],
  HUISHOUDENS: ['huishouden', 'huishoudens'],
  PERSONEN: ['persoon', 'personen'],
  PERCENTAGE: ['procent', 'procent'],
  MIJLPAAL: ['mijlpaal', 'mijlpalen'],
  AANTAL: ['', ''],
};

/** The unit as a word: eenheidWoord('WONINGEN') → 'woningen', eenheidWoord('WONINGEN', 1) → 'woning'. */
export function eenheidWoord(eenheid: string, aantal?: number): string {
  const w = EENHEID_WOORD[eenheid as Eenheid];
  if (!w) return eenheid.toLowerCase();
  return aantal === 1 ? w[0] : w[1];
}

/**
 * Counts and targets are whole numbers in a report: a target spread over gemeenten (98,63
 * woningen) or persons (19.438,5) is shown rounded half away from zero to a whole number; the
 * stored value keeps its decimals (the domain computes with them).
 */
export function afgerondAantal(waarde: number): number {
  const r = Math.sign(waarde) * Math.round(Math.abs(waarde));
  return r === 0 ? 0 : r; // no -0
}

export function aantalTekst(waarde: number | null | undefined): string {
  if (waarde === null || waarde === undefined || Number.isNaN(waarde)) return GEEN_WAARDE;
  return formatGetal(afgerondAantal(waarde), 0);
}

/** A value with its unit in words: '1.234 woningen', '1 woning', '28,7%'. */
export function waardeMetEenheid(waarde: number | null | undefined, eenheid: string): string {
  if (waarde === null || waarde === undefined || Number.isNaN(waarde)) return GEEN_WAARDE;
  if (eenheid === 'PERCENTAGE') return formatPercentage(waarde);
  const woord = eenheidWoord(eenheid, afgerondAantal(waarde));
  return woord ? `${aantalTekst(waarde)} ${woord}` : aantalTekst(waarde);
}

/**
 * A change between two quarters: a share changes in procentpunt ('+0,5 procentpunt',
 * '−0,05 procentpunt'), a count in its unit ('+3 woningen'); zero is 'gelijk'. Uses the real
 * minus sign (U+2212) in running text so the sign cannot be read as a hyphen.
 */
export function verschilTekst(waarde: number | null | undefined, eenheid: string): string {
  if (waarde === null || waarde === undefined || Number.isNaN(waarde)) return GEEN_WAARDE;
  const teken = (x: string) => (waarde > 0 ? `+${x}` : waarde < 0 ? `\u2212${x}` : x);
  if (eenheid === 'PERCENTAGE') {
    const getal = formatGetal(Math.abs(waarde));
    return getal === '0' ? 'gelijk' : `${teken(getal)} procentpunt`;
  }
  const n = afgerondAantal(Math.abs(waarde));
  if (n === 0) return 'gelijk';
  const woord = eenheidWoord(eenheid, n);
  return `${teken(formatGetal(n, 0))}${woord ? ` ${woord}` : ''}`;
}

/** An ISO date inside report text must never appear: this finds one ('2026-01-01', '2026-H1', '2026-Q3'). */
export const ISO_IN_TEKST = /\b\d{4}-(\d{2}-\d{2}|H[12]|Q[1-4])\b/;
