import { DomainError } from './domain-error';
import { controleerJaar, dagenInMaand, maakIsoDatum, parseIsoDatum, type IsoDatum } from './iso-datum';

/**
 * Shared arithmetic for equal parts of a calendar year (quarters: 4 parts, half years: 2).
 * Kwartaal and Halfjaar keep their own types and Dutch wording; the counting lives here once.
 */
export interface Jaardeel {
  readonly jaar: number;
  readonly nummer: number;
}

export interface JaardeelSoort {
  readonly delen: 2 | 4;
  /** letter in the code: '2026-Q3', '2026-H1' */
  readonly codeLetter: string;
  /** Dutch noun for messages: 'kwartaal', 'halfjaar' */
  readonly naam: string;
  readonly foutCode: string;
}

export function maakJaardeel<T extends Jaardeel>(soort: JaardeelSoort, jaar: number, nummer: number): T {
  controleerJaar(jaar);
  if (!Number.isInteger(nummer) || nummer < 1 || nummer > soort.delen) {
    throw new DomainError(
      soort.foutCode,
      `${hoofdletter(soort.naam)}nummer ${nummer} bestaat niet (1 tot en met ${soort.delen})`,
    );
  }
  return Object.freeze({ jaar, nummer }) as unknown as T;
}

export function parseJaardeel<T extends Jaardeel>(soort: JaardeelSoort, code: string): T {
  const patroon = new RegExp(`^(\\d{4})-${soort.codeLetter}([1-${soort.delen}])$`, 'i');
  const m = patroon.exec(typeof code === 'string' ? code.trim() : '');
  if (!m || Number(m[1]) < 1000) {
    throw new DomainError(
      soort.foutCode,
      `'${code}' is geen geldig ${soort.naam}: gebruik de vorm jjjj-${soort.codeLetter}n, bijvoorbeeld 2026-${soort.codeLetter}1`,
    );
  }
  return maakJaardeel<T>(soort, Number(m[1]), Number(m[2]));
}

export function formatJaardeel(soort: JaardeelSoort, deel: Jaardeel): string {
  return `${deel.jaar}-${soort.codeLetter}${deel.nummer}`;
}

const maandenPerDeel = (soort: JaardeelSoort) => 12 / soort.delen;

export function jaardeelVanDatum<T extends Jaardeel>(soort: JaardeelSoort, datum: IsoDatum): T {
  const { jaar, maand } = parseIsoDatum(datum);
  return maakJaardeel<T>(soort, jaar, Math.ceil(maand / maandenPerDeel(soort)));
}

export function jaardeelStart(soort: JaardeelSoort, deel: Jaardeel): IsoDatum {
  return maakIsoDatum(deel.jaar, (deel.nummer - 1) * maandenPerDeel(soort) + 1, 1);
}

export function jaardeelEinde(soort: JaardeelSoort, deel: Jaardeel): IsoDatum {
  const laatsteMaand = deel.nummer * maandenPerDeel(soort);
  return maakIsoDatum(deel.jaar, laatsteMaand, dagenInMaand(deel.jaar, laatsteMaand));
}

/**
 * Position on one running scale (jaar × delen + nummer − 1), so comparing and stepping need no
 * carry logic; the SQL that compares quarters or half years uses the same scale.
 */
export function jaardeelVolgnummer(soort: JaardeelSoort, deel: Jaardeel): number {
  return deel.jaar * soort.delen + (deel.nummer - 1);
}

function vanVolgnummer<T extends Jaardeel>(soort: JaardeelSoort, n: number): T {
  return maakJaardeel<T>(soort, Math.floor(n / soort.delen), (n % soort.delen) + 1);
}

export function verschuifJaardeel<T extends Jaardeel>(
  soort: JaardeelSoort,
  deel: Jaardeel,
  stappen: number,
): T {
  return vanVolgnummer<T>(soort, jaardeelVolgnummer(soort, deel) + stappen);
}

export function vergelijkJaardeel(soort: JaardeelSoort, a: Jaardeel, b: Jaardeel): number {
  return jaardeelVolgnummer(soort, a) - jaardeelVolgnummer(soort, b);
}

/** Both ends included; an empty list when van lies after tot. */
export function jaardelenTussen<T extends Jaardeel>(soort: JaardeelSoort, van: Jaardeel, tot: Jaardeel): T[] {
  const uit: T[] = [];
  for (let n = jaardeelVolgnummer(soort, van); n <= jaardeelVolgnummer(soort, tot); n++)
    uit.push(vanVolgnummer<T>(soort, n));
  return uit;
}

function hoofdletter(tekst: string): string {
  return tekst.charAt(0).toUpperCase() + tekst.slice(1);
}
