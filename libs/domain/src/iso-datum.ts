import { DomainError } from './domain-error';

/**
 * Calendar dates as ISO strings 'YYYY-MM-DD'. The domain never uses Date objects for dates:
 * a toewijzing on 31-12 must stay on 31-12 whatever the server's time zone is. Only
 * `vandaagInAmsterdam` (periode.ts) turns an instant into a date.
 *
 * Years are limited to four digits, so ISO strings sort and compare correctly as plain strings.
 */
export type IsoDatum = string;

export interface DatumDelen {
  readonly jaar: number;
  readonly maand: number;
  readonly dag: number;
}

const ISO_PATROON = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isSchrikkeljaar(jaar: number): boolean {
  return (jaar % 4 === 0 && jaar % 100 !== 0) || jaar % 400 === 0;
}

export function dagenInMaand(jaar: number, maand: number): number {
  if (maand === 2) return isSchrikkeljaar(jaar) ? 29 : 28;
  return [4, 6, 9, 11].includes(maand) ? 30 : 31;
}

export function bestaatDatum(jaar: number, maand: number, dag: number): boolean {
  return (
    Number.isInteger(jaar) &&
    Number.isInteger(maand) &&
    Number.isInteger(dag) &&
    jaar >= 1000 &&
    jaar <= 9999 &&
    maand >= 1 &&
    maand <= 12 &&
    dag >= 1 &&
    dag <= dagenInMaand(jaar, maand)
  );
}

export function isIsoDatum(waarde: unknown): waarde is IsoDatum {
  if (typeof waarde !== 'string') return false;
  const m = ISO_PATROON.exec(waarde);
  return m !== null && bestaatDatum(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function parseIsoDatum(waarde: string): DatumDelen {
  const m = ISO_PATROON.exec(waarde);
  if (!m) {
    throw new DomainError('ONGELDIGE_DATUM', `Datum '${waarde}' is geen datum in de vorm jjjj-mm-dd`);
  }
  const [jaar, maand, dag] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!bestaatDatum(jaar, maand, dag)) {
    throw new DomainError('ONGELDIGE_DATUM', `Datum '${waarde}' bestaat niet`);
  }
  return { jaar, maand, dag };
}

export function maakIsoDatum(jaar: number, maand: number, dag: number): IsoDatum {
  if (!bestaatDatum(jaar, maand, dag)) {
    throw new DomainError('ONGELDIGE_DATUM', `Datum ${dag}-${maand}-${jaar} bestaat niet`);
  }
  return `${String(jaar).padStart(4, '0')}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

const MS_PER_DAG = 86_400_000;

/** Days since 1970-01-01; differences of day numbers count calendar days without DST surprises. */
export function dagNummer(datum: IsoDatum): number {
  const { jaar, maand, dag } = parseIsoDatum(datum);
  return Date.UTC(jaar, maand - 1, dag) / MS_PER_DAG;
}

export function isoVanDagNummer(nummer: number): IsoDatum {
  const d = new Date(nummer * MS_PER_DAG);
  return maakIsoDatum(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function plusDagen(datum: IsoDatum, dagen: number): IsoDatum {
  return isoVanDagNummer(dagNummer(datum) + dagen);
}

/** Negative when a is earlier than b; both are validated first so garbage never compares. */
export function vergelijkIsoDatum(a: IsoDatum, b: IsoDatum): number {
  return dagNummer(a) - dagNummer(b);
}

/** Years the domain accepts: four digits, so codes like '2026-Q3' and ISO dates stay well-formed. */
export function controleerJaar(jaar: number): void {
  if (!Number.isInteger(jaar) || jaar < 1000 || jaar > 9999) {
    throw new DomainError('ONGELDIG_JAAR', `Jaar '${jaar}' is geen geldig jaartal`);
  }
}
