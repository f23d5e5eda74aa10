import { heleKwartalen, plusDagen, toewijzingBijdragen, type IsoDatum } from '@thuismonitor/domain';
import { statushoudersPersonen, toewijzingCellen } from '../publicatie';
import type { Vrager } from './voortgang-bundel.repository';
import { TOEWIJZING_CODES, toewijzingRijen } from './voortgang.repository';

/** The persons indicator of statushouders (protected like the households it counts, openbaarheid.ts). */
export const STATUSHOUDERS_PERSONEN = 'STATUSHOUDERS_GEHUISVEST';

/** Toewijzingen of one gemeente per catalogue indicator. */
export interface ToewijzingWaarden {
  gemeente: string;
  waarden: Map<string, number>;
}

/**
 * A non-owner's toewijzingen: the released base cells (publicatie.repository, SECURITY DEFINER
 * functions), own cells exact and others' cells released, per gemeente summed into each
 * catalogue indicator; the persons of statushouders the same way (own exact, others released).
 */
export async function vrijgegevenToewijzingen(
  m: Vrager,
  gemeenten: readonly string[] | null,
  van: IsoDatum,
  tot: IsoDatum,
): Promise<ToewijzingWaarden[]> {
  // both asked before either is awaited (one Bundel)
  const [cellen, personen] = await Promise.all([
    toewijzingCellen(m, { gemeenten, van, tot }),
    statushoudersPersonen(m, { gemeenten, van, tot }),
  ]);
  const uit = new Map<string, Map<string, number>>();
  const van_ = (g: string) => uit.get(g) ?? uit.set(g, new Map()).get(g)!;
  for (const c of cellen) {
    const w = van_(c.gemeente);
    // households only: the persons come released on their own (below)
    for (const [code, n] of toewijzingBijdragen(c, false)) w.set(code, (w.get(code) ?? 0) + n);
  }
  for (const p of personen) van_(p.gemeente).set(STATUSHOUDERS_PERSONEN, p.personen);
  return [...uit].map(([gemeente, waarden]) => ({ gemeente, waarden }));
}

/**
 * The owner's toewijzingen, exact: the whole quarters of [van, tot] from its own base cells (the
 * trigger-maintained per-quarter counts, tm_publicatie_toewijzingen with alleenEigen: exact,
 * never released, for any quarter), the days before the first and after the last whole quarter
 * from its rows (toewijzingRijen, RLS). The same figures as counting the rows of the whole
 * period, without reading every row of a year: a gemeente's own cells are exactly the rows it
 * may read (its gemeente; ownership in the function is the row rule of RLS).
 */
export async function eigenToewijzingen(
  m: Vrager,
  gemeenten: readonly string[] | null,
  van: IsoDatum,
  tot: IsoDatum,
): Promise<(ToewijzingWaarden & { gedekt: boolean })[]> {
  const { eersteDag, laatsteDag } = heleKwartalen(van, tot);
  // gedekt: at least one toewijzing in the period (a gemeente without any counts 0, uncovered)
  const uit = new Map<string, ToewijzingWaarden & { gedekt: boolean }>();
  const van_ = (g: string) =>
    uit.get(g) ?? uit.set(g, { gemeente: g, gedekt: false, waarden: new Map() }).get(g)!;
  const plus = (g: string, code: string, n: number) => {
    const w = van_(g).waarden;
    w.set(code, (w.get(code) ?? 0) + n);
  };
  const losseDagen: [IsoDatum, IsoDatum][] = [];
  if (eersteDag === null || laatsteDag === null) {
    losseDagen.push([van, tot]);
  } else {
    if (van < eersteDag) losseDagen.push([van, plusDagen(eersteDag, -1)]);
    if (laatsteDag < tot) losseDagen.push([plusDagen(laatsteDag, 1), tot]);
  }
  // every query asked before any is awaited (one Bundel)
  const [cellen, losseRijen] = await Promise.all([
    eersteDag === null || laatsteDag === null
      ? Promise.resolve([])
      : toewijzingCellen(m, { gemeenten, van: eersteDag, tot: laatsteDag, alleenEigen: true }),
    Promise.all(losseDagen.map(([d0, d1]) => toewijzingRijen(m, gemeenten, d0, d1))),
  ]);
  for (const c of cellen) {
    // a cell of a closed quarter emptied by a correction stays (released values are fixed)
    if (c.huishoudens > 0) van_(c.gemeente).gedekt = true;
    for (const [code, n] of toewijzingBijdragen(c, true)) plus(c.gemeente, code, n);
  }
  for (const rijen of losseRijen) {
    for (const r of rijen) {
      if (typeof r.gemeente !== 'string') continue;
      const g = r.gemeente;
      van_(g).gedekt = true; // a row per gemeente with at least one toewijzing
      TOEWIJZING_CODES.forEach((code, n) => plus(g, code, Number(r[`c${n}`])));
    }
  }
  return [...uit.values()];
}
