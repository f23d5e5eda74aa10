import type { IsoDatum } from './iso-datum';
import {
  kwartaalEinde,
  kwartaalStart,
  kwartaalVanDatum,
  vergelijkKwartaal,
  volgendKwartaal,
  vorigKwartaal,
  type Kwartaal,
} from './kwartaal';
import type { Periode } from './periode';

/**
 * Which data a realisation over a period is computed from (indicator-catalogus, Aggregatie):
 * the quarters whose figures count for a SOM over a period, the peildatum for a STAND, and the
 * share of two stands. The API turns these into SQL bounds; the counting itself runs in Postgres.
 */

/**
 * The quarters wholly inside the period, or undefined when none is. Quarterly figures cannot be
 * split by day, so a quarter that only partly overlaps is left out rather than counted in full
 * (a period of 15 February t/m 31 December sums Q2–Q4).
 */
export function kwartalenBinnenPeriode(periode: Periode): { van: Kwartaal; tot: Kwartaal } | undefined {
  let van = kwartaalVanDatum(periode.van);
  if (kwartaalStart(van) < periode.van) van = volgendKwartaal(van);
  let tot = kwartaalVanDatum(periode.tot);
  if (kwartaalEinde(tot) > periode.tot) tot = vorigKwartaal(tot);
  if (vergelijkKwartaal(van, tot) > 0) return undefined;
  return { van, tot };
}

/** The moment a stand is read: the end of the period, or today when the period is still running. */
export function peildatum(periode: Periode, vandaag: IsoDatum): IsoDatum {
  return vandaag < periode.tot ? vandaag : periode.tot;
}

/**
 * The last quarter that has ended on the peildatum (a stand is reported at the end of a quarter):
 * on 31 March that is Q1, on 30 March still Q4 of the year before.
 */
export function laatsteAfgeslotenKwartaal(peil: IsoDatum): Kwartaal {
  const k = kwartaalVanDatum(peil);
  return kwartaalEinde(k) === peil ? k : vorigKwartaal(k);
}

/**
 * How long a reported stand (sociale huurvoorraad, standplaatsen, clients waiting) keeps counting:
 * four quarters. Parties report every quarter; a reporter whose last figure is older than a year
 * has stopped (a corporatie merged, a zorgaanbieder lost its contract), and its old stock must not
 * be added to the stand forever.
 */
export const STAND_GELDIG_KWARTALEN = 4;

/** The oldest quarter whose figure still counts for a stand read on the peildatum. */
export function oudsteGeldigeStandKwartaal(peil: IsoDatum): Kwartaal {
  let k = laatsteAfgeslotenKwartaal(peil);
  for (let i = 1; i < STAND_GELDIG_KWARTALEN; i++) k = vorigKwartaal(k);
  return k;
}

/**
 * The whole quarters inside [van, tot]: first day of the first and last day of the last, or nulls
 * when no quarter lies wholly inside (the owner's toewijzingen are read per quarter there, and
 * per day before and after).
 */
export function heleKwartalen(
  van: IsoDatum,
  tot: IsoDatum,
): { eersteDag: IsoDatum | null; laatsteDag: IsoDatum | null } {
  const k0 = kwartaalVanDatum(van);
  const eersteDag = kwartaalStart(k0) === van ? van : kwartaalStart(volgendKwartaal(k0));
  const k1 = kwartaalVanDatum(tot);
  const laatsteDag = kwartaalEinde(k1) === tot ? tot : kwartaalEinde(vorigKwartaal(k1));
  return eersteDag <= laatsteDag ? { eersteDag, laatsteDag } : { eersteDag: null, laatsteDag: null };
}

/** teller / noemer × 100 in percentage points; null when the noemer is 0 (no stock reported). */
export function aandeelPercentage(teller: number, noemer: number): number | null {
  if (!(noemer > 0)) return null;
  return Math.round((teller / noemer) * 100 * 100) / 100;
}
