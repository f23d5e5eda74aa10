import { DomainError } from './domain-error';
import { controleerJaar, dagNummer, maakIsoDatum, parseIsoDatum, type IsoDatum } from './iso-datum';
import { halfjaarEinde, halfjaarStart, type Halfjaar } from './halfjaar';
import { kwartaalEinde, kwartaalStart, type Kwartaal } from './kwartaal';

/** A span of calendar days; both van and tot are included (as Dutch agreements write "t/m"). */
export interface Periode {
  readonly van: IsoDatum;
  readonly tot: IsoDatum;
}

export function maakPeriode(van: IsoDatum, tot: IsoDatum): Periode {
  parseIsoDatum(van);
  parseIsoDatum(tot);
  if (van > tot) {
    throw new DomainError('ONGELDIGE_PERIODE', `De periode begint (${van}) na het einde (${tot})`);
  }
  return Object.freeze({ van, tot });
}

export function periodeVoorJaar(jaar: number): Periode {
  controleerJaar(jaar);
  return maakPeriode(maakIsoDatum(jaar, 1, 1), maakIsoDatum(jaar, 12, 31));
}

/** Multi-year kaderafspraken: 1 January of the first year up to and including 31 December of the last. */
export function periodeVoorJaren(vanJaar: number, totJaar: number): Periode {
  return maakPeriode(periodeVoorJaar(vanJaar).van, periodeVoorJaar(totJaar).tot);
}

export function periodeVoorKwartaal(kwartaal: Kwartaal): Periode {
  return maakPeriode(kwartaalStart(kwartaal), kwartaalEinde(kwartaal));
}

export function periodeVoorHalfjaar(halfjaar: Halfjaar): Periode {
  return maakPeriode(halfjaarStart(halfjaar), halfjaarEinde(halfjaar));
}

export function aantalDagen(periode: Periode): number {
  return dagNummer(periode.tot) - dagNummer(periode.van) + 1;
}

export function valtBinnen(periode: Periode, datum: IsoDatum): boolean {
  parseIsoDatum(datum);
  return datum >= periode.van && datum <= periode.tot;
}

/**
 * How much of the period has passed on `vandaag`, in [0, 1], counted in whole days. Today counts
 * as passed: progress is measured over data up to and including today (a toewijzing dated today
 * already counts), so on the last day of the period the fraction is exactly 1 and on the first
 * day it is 1/length. Before the period: 0; after it: 1.
 */
export function verstrekenFractie(periode: Periode, vandaag: IsoDatum): number {
  const dag = dagNummer(vandaag);
  const start = dagNummer(periode.van);
  const eind = dagNummer(periode.tot);
  if (dag < start) return 0;
  if (dag >= eind) return 1;
  return (dag - start + 1) / (eind - start + 1);
}

const AMSTERDAM = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/**
 * The calendar date in the Netherlands at instant `now`. Servers run in UTC, and between 22:00/23:00
 * UTC and midnight the Dutch date is already the next day; deadlines and "vandaag" follow the
 * Dutch calendar, so every rule takes its date from here, never from `now.toISOString()`.
 */
export function vandaagInAmsterdam(now: Date): IsoDatum {
  if (Number.isNaN(now.getTime())) {
    throw new DomainError('ONGELDIGE_DATUM', 'Het tijdstip is ongeldig');
  }
  const delen = Object.fromEntries(AMSTERDAM.formatToParts(now).map((p) => [p.type, p.value]));
  return maakIsoDatum(Number(delen.year), Number(delen.month), Number(delen.day));
}
