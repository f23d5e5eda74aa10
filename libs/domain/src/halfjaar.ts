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

export type HalfjaarNummer = 1 | 2;

/**
 * A calendar half year: the period of the statushouders taakstelling, which the provincie checks
 * on 1 January and 1 July. Code '2026-H1'.
 */
export interface Halfjaar {
  readonly jaar: number;
  readonly nummer: HalfjaarNummer;
}

const HALFJAAR: JaardeelSoort = {
  delen: 2,
  codeLetter: 'H',
  naam: 'halfjaar',
  foutCode: 'ONGELDIG_HALFJAAR',
};

export function maakHalfjaar(jaar: number, nummer: number): Halfjaar {
  return maakJaardeel<Halfjaar>(HALFJAAR, jaar, nummer);
}

/** Reads '2026-H1' (a lower-case h and surrounding spaces are tolerated, nothing else). */
export function parseHalfjaar(code: string): Halfjaar {
  return parseJaardeel<Halfjaar>(HALFJAAR, code);
}

export function isHalfjaarCode(waarde: unknown): waarde is string {
  if (typeof waarde !== 'string') return false;
  try {
    parseHalfjaar(waarde);
    return true;
  } catch {
    return false;
  }
}

export function formatHalfjaar(halfjaar: Halfjaar): string {
  return formatJaardeel(HALFJAAR, halfjaar);
}

/** '1e halfjaar 2026' */
export function halfjaarLabel(halfjaar: Halfjaar): string {
  return `${halfjaar.nummer}e halfjaar ${halfjaar.jaar}`;
}

/** '2026 H1' */
export function halfjaarLabelKort(halfjaar: Halfjaar): string {
  return `${halfjaar.jaar} H${halfjaar.nummer}`;
}

export function halfjaarVanDatum(datum: IsoDatum): Halfjaar {
  return jaardeelVanDatum<Halfjaar>(HALFJAAR, datum);
}

export function halfjaarStart(halfjaar: Halfjaar): IsoDatum {
  return jaardeelStart(HALFJAAR, halfjaar);
}

/** The last day of the half year, inclusive (30 June or 31 December). */
export function halfjaarEinde(halfjaar: Halfjaar): IsoDatum {
  return jaardeelEinde(HALFJAAR, halfjaar);
}

export function vorigHalfjaar(halfjaar: Halfjaar): Halfjaar {
  return verschuifJaardeel<Halfjaar>(HALFJAAR, halfjaar, -1);
}

export function volgendHalfjaar(halfjaar: Halfjaar): Halfjaar {
  return verschuifJaardeel<Halfjaar>(HALFJAAR, halfjaar, 1);
}

export function vergelijkHalfjaar(a: Halfjaar, b: Halfjaar): number {
  return vergelijkJaardeel(HALFJAAR, a, b);
}

/** All half years from van up to and including tot; empty when van lies after tot. */
export function halfjarenTussen(van: Halfjaar, tot: Halfjaar): Halfjaar[] {
  return jaardelenTussen<Halfjaar>(HALFJAAR, van, tot);
}

/**
 * A running number of a half year (jaar × 2 + nummer − 1): consecutive half years differ by 1
 * across a year boundary. The statushouders SQL groups dates on this scale.
 */
export function halfjaarVolgnummer(halfjaar: Halfjaar): number {
  return jaardeelVolgnummer(HALFJAAR, halfjaar);
}
