import { aandeelPercentage } from './realisatie-periode';
import { formatGetal } from './nl-format';

/**
 * How figures of gemeenten add up to an area (regio, provincie, land), and how much of the area a
 * figure covers (docs/decisions.md, "Voortgang: correct aggregation").
 *
 * - A count or a stock (SOM, STAND) over an area is the sum over the gemeenten that reported it;
 *   a gemeente without a figure is left out, never counted as 0 and never replaced by another
 *   gemeente's figure.
 * - A share over an area is Σ numerators ÷ Σ denominators over the SAME gemeenten: those that
 *   have both. Summing the numerators of some gemeenten and the denominators of others gives a
 *   number that describes no area at all.
 * - Every aggregate carries its coverage: how many of the area's gemeenten contributed.
 */

export interface Dekking {
  /** gemeenten that contributed to the figure */
  readonly gemeenten: number;
  /** gemeenten of the area */
  readonly totaal: number;
}

export interface GebiedWaarde {
  /** null when no gemeente of the area reported */
  readonly waarde: number | null;
  readonly dekking: Dekking;
}

type PerGemeente = ReadonlyMap<string, number | null | undefined>;

const bekend = (w: number | null | undefined): w is number => w !== null && w !== undefined;

/** Σ over the gemeenten that have a figure (SOM and STAND). */
export function somOverGemeenten(perGemeente: PerGemeente, gemeenten: readonly string[]): GebiedWaarde {
  let som = 0;
  let n = 0;
  for (const g of gemeenten) {
    const w = perGemeente.get(g);
    if (!bekend(w)) continue;
    som += w;
    n++;
  }
  return { waarde: n === 0 ? null : som, dekking: { gemeenten: n, totaal: gemeenten.length } };
}

/**
 * Σ teller ÷ Σ noemer × 100 over the gemeenten that have both (AANDEEL). A gemeente with a
 * numerator but no denominator (or the reverse) is not covered: its half would distort the share.
 */
export function aandeelOverGemeenten(
  teller: PerGemeente,
  noemer: PerGemeente,
  gemeenten: readonly string[],
): GebiedWaarde & { teller: number | null; noemer: number | null } {
  let t = 0;
  let d = 0;
  let n = 0;
  for (const g of gemeenten) {
    const a = teller.get(g);
    const b = noemer.get(g);
    if (!bekend(a) || !bekend(b)) continue;
    t += a;
    d += b;
    n++;
  }
  const dekking = { gemeenten: n, totaal: gemeenten.length };
  if (n === 0) return { waarde: null, teller: null, noemer: null, dekking };
  return { waarde: aandeelPercentage(t, d), teller: t, noemer: d, dekking };
}

/** "28 van 342 gemeenten" (the way the screens and reports state coverage). */
export function dekkingTekst(d: Dekking): string {
  return `${formatGetal(d.gemeenten)} van ${formatGetal(d.totaal)} ${d.totaal === 1 ? 'gemeente' : 'gemeenten'}`;
}
