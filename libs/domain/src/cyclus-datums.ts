import { parseIsoDatum, type IsoDatum } from './iso-datum';

/** What the cycle needs to know about one prestatieafspraak (any version) of a gemeente. */
export interface CyclusAfspraak {
  readonly isBod: boolean;
  readonly jaarVan: number;
  readonly jaarTot: number;
  /** first date it was put up for signing (Dutch calendar date) */
  readonly ingediendOp: IsoDatum | null;
  /** date the last party signed (Dutch calendar date) */
  readonly vastgesteldOp: IsoDatum | null;
}

/**
 * The dates `cyclusStand` needs for the cycle that runs in calendar year `jaar` (afspraken for
 * jaar + 1), taken from the gemeente's prestatieafspraken whose period covers jaar + 1:
 * - bodOntvangenOp: the first day a bod of cycle year `jaar` was sent (`boden`); for older data,
 *   the first day in `jaar` on which a prestatieafspraak marked isBod was put up for signing. The
 *   corporatie owes a bod every year (Woningwet art. 44), so a bod from an earlier year does not count.
 * - vastgesteldOp: the first vaststelling in `jaar`; else, when a multi-year kaderafspraak that
 *   already covers jaar + 1 was signed earlier, the latest such date (on time); else the first
 *   vaststelling after `jaar` (signed late).
 */
/** A sent bod (its own object since issue 12): the cycle year it is for and the day it was sent. */
export interface CyclusBod {
  readonly jaar: number;
  readonly verzondenOp: IsoDatum;
}

export function cyclusDatums(
  jaar: number,
  afspraken: readonly CyclusAfspraak[],
  boden: readonly CyclusBod[] = [],
): { bodOntvangenOp: IsoDatum | null; vastgesteldOp: IsoDatum | null } {
  const dekt = afspraken.filter((a) => a.jaarVan <= jaar + 1 && a.jaarTot >= jaar + 1);
  const jaarVan = (d: IsoDatum) => parseIsoDatum(d).jaar;
  const bod = dekt
    .filter((a) => a.isBod && a.ingediendOp && jaarVan(a.ingediendOp) === jaar)
    .map((a) => a.ingediendOp!)
    .sort();
  const vastgesteld = dekt
    .map((a) => a.vastgesteldOp)
    .filter((d): d is IsoDatum => d !== null)
    .sort();
  const inJaar = vastgesteld.filter((d) => jaarVan(d) === jaar);
  const ervoor = vastgesteld.filter((d) => jaarVan(d) < jaar);
  const erna = vastgesteld.filter((d) => jaarVan(d) > jaar);
  // A sent bod object of this cycle year counts first; a prestatieafspraak marked isBod is what
  // the product recorded before the bod was its own object (older data), and still counts.
  const verzonden = boden
    .filter((b) => b.jaar === jaar)
    .map((b) => b.verzondenOp)
    .sort();
  return {
    bodOntvangenOp: verzonden[0] ?? bod[0] ?? null,
    vastgesteldOp: inJaar[0] ?? ervoor[ervoor.length - 1] ?? erna[0] ?? null,
  };
}

/**
 * When the evaluation of `jaar` − 1 was done: the day the last of the evaluations was fixed, once
 * every prestatieafspraak that ran in that year has a vastgestelde evaluation of it; else null.
 * Nothing to evaluate (no prestatieafspraak ran in that year) is null too: the step stays open
 * rather than claiming work that did not happen.
 */
export function evaluatieAfgerondOp(
  teEvalueren: readonly string[],
  evaluaties: readonly { readonly prestatieafspraakId: string; readonly vastgesteldOp: IsoDatum | null }[],
): IsoDatum | null {
  if (!teEvalueren.length) return null;
  const datums: IsoDatum[] = [];
  for (const id of teEvalueren) {
    const e = evaluaties.find((x) => x.prestatieafspraakId === id && x.vastgesteldOp);
    if (!e) return null;
    datums.push(e.vastgesteldOp!);
  }
  return datums.sort()[datums.length - 1];
}
