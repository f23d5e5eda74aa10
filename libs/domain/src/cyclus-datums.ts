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
 * - bodOntvangenOp: the first day in `jaar` on which a bod was put up for signing. The corporatie
 *   owes a bod every year (Woningwet art. 44), so a bod from an earlier year does not count.
 * - vastgesteldOp: the first vaststelling in `jaar`; else, when a multi-year kaderafspraak that
 *   already covers jaar + 1 was signed earlier, the latest such date (on time); else the first
 *   vaststelling after `jaar` (signed late).
 */
export function cyclusDatums(
  jaar: number,
  afspraken: readonly CyclusAfspraak[],
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
  return {
    bodOntvangenOp: bod[0] ?? null,
    vastgesteldOp: inJaar[0] ?? ervoor[ervoor.length - 1] ?? erna[0] ?? null,
  };
}
