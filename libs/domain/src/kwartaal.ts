import type { IsoDatum } from './iso-datum';
import {
  formatJaardeel,
  jaardeelEinde,
  jaardeelStart,
  jaardeelVanDatum,
  jaardelenTussen,
  jaardeelVolgnummer,
  maakJaardeel,
  parseJaardeel,
  vergelijkJaardeel,
  verschuifJaardeel,
  type JaardeelSoort,
} from './jaardeel';

export type KwartaalNummer = 1 | 2 | 3 | 4;

/** A calendar quarter. Code '2026-Q3' (stable, for URLs, job ids and the database). */
export interface Kwartaal {
  readonly jaar: number;
  readonly nummer: KwartaalNummer;
}

const KWARTAAL: JaardeelSoort = {
  delen: 4,
  codeLetter: 'Q',
  naam: 'kwartaal',
  foutCode: 'ONGELDIG_KWARTAAL',
};

export function maakKwartaal(jaar: number, nummer: number): Kwartaal {
  return maakJaardeel<Kwartaal>(KWARTAAL, jaar, nummer);
}

/** Reads '2026-Q3' (a lower-case q and surrounding spaces are tolerated, nothing else). */
export function parseKwartaal(code: string): Kwartaal {
  return parseJaardeel<Kwartaal>(KWARTAAL, code);
}

export function isKwartaalCode(waarde: unknown): waarde is string {
  if (typeof waarde !== 'string') return false;
  try {
    parseKwartaal(waarde);
    return true;
  } catch {
    return false;
  }
}

export function formatKwartaal(kwartaal: Kwartaal): string {
  return formatJaardeel(KWARTAAL, kwartaal);
}

/** '3e kwartaal 2026', how a report title reads. */
export function kwartaalLabel(kwartaal: Kwartaal): string {
  return `${kwartaal.nummer}e kwartaal ${kwartaal.jaar}`;
}

/** '2026 K3', for table headers and chart axes. */
export function kwartaalLabelKort(kwartaal: Kwartaal): string {
  return `${kwartaal.jaar} K${kwartaal.nummer}`;
}

export function kwartaalVanDatum(datum: IsoDatum): Kwartaal {
  return jaardeelVanDatum<Kwartaal>(KWARTAAL, datum);
}

export function kwartaalStart(kwartaal: Kwartaal): IsoDatum {
  return jaardeelStart(KWARTAAL, kwartaal);
}

/** The last day of the quarter, inclusive. */
export function kwartaalEinde(kwartaal: Kwartaal): IsoDatum {
  return jaardeelEinde(KWARTAAL, kwartaal);
}

export function vorigKwartaal(kwartaal: Kwartaal): Kwartaal {
  return verschuifJaardeel<Kwartaal>(KWARTAAL, kwartaal, -1);
}

export function volgendKwartaal(kwartaal: Kwartaal): Kwartaal {
  return verschuifJaardeel<Kwartaal>(KWARTAAL, kwartaal, 1);
}

export function vergelijkKwartaal(a: Kwartaal, b: Kwartaal): number {
  return vergelijkJaardeel(KWARTAAL, a, b);
}

/** All quarters from van up to and including tot; empty when van lies after tot. */
export function kwartalenTussen(van: Kwartaal, tot: Kwartaal): Kwartaal[] {
  return jaardelenTussen<Kwartaal>(KWARTAAL, van, tot);
}

/**
 * A running number of a quarter (jaar × 4 + nummer − 1): consecutive quarters differ by 1 across
 * a year boundary. The SQL compares kwartaalcijfers on this scale (`jaar * 4 + kwartaal - 1`).
 */
export function kwartaalVolgnummer(kwartaal: Kwartaal): number {
  return jaardeelVolgnummer(KWARTAAL, kwartaal);
}
