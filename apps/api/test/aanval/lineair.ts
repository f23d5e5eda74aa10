/**
 * The attacker's algebra: every figure it was given is one linear equation over unknown counts
 * (a count per gemeente × stretch of days × group, …). Whatever the attacker can derive by adding
 * and subtracting answers is exactly the linear span of those equations. This keeps the span in
 * reduced form (each kept row owns one pivot unknown that no other kept row contains), so asking
 * "is this combination of unknowns determined, and by what value?" is one substitution pass.
 *
 * Sparse rows (Map unknown → coefficient) and plain floats: coefficients stay small integers or
 * simple fractions in these systems; results are rounded to whole households with a tolerance.
 */
export type Rij = Map<number, number>;

const EPS = 1e-9;

export class Stelsel {
  /** pivot unknown → [row containing it (and only free unknowns besides), value] */
  private readonly basis = new Map<number, { rij: Rij; waarde: number }>();
  /** unknown → pivots of the basis rows that contain it (pivot rows themselves excluded) */
  private readonly kolom = new Map<number, Set<number>>();
  /** equations that contradicted earlier ones (the figures do not add up) */
  tegenstrijdig = 0;

  get rang(): number {
    return this.basis.size;
  }

  /** Reduces a row by the basis: what is left over free unknowns, and the value carried along. */
  herleid(invoer: Rij, waarde = 0): { rest: Rij; waarde: number } {
    const rest = new Map(invoer);
    let w = waarde;
    for (const [v, c] of invoer) {
      const b = this.basis.get(v);
      if (!b) continue;
      // b.rij has coefficient 1 on v and no other pivot: one pass suffices
      rest.delete(v);
      w -= c * b.waarde;
      for (const [u, d] of b.rij) {
        if (u === v) continue;
        const n = (rest.get(u) ?? 0) - c * d;
        if (Math.abs(n) < EPS) rest.delete(u);
        else rest.set(u, n);
      }
    }
    return { rest, waarde: w };
  }

  /** Adds an equation Σ coef·x = waarde. Returns false when it contradicts what is known. */
  voegToe(rij: Rij, waarde: number): boolean {
    const { rest, waarde: w } = this.herleid(rij, waarde);
    if (rest.size === 0) {
      if (Math.abs(w) > 1e-6) {
        this.tegenstrijdig++;
        return false;
      }
      return true;
    }
    // pivot: the unknown that occurs in the fewest basis rows (least fill-in)
    let pivot = -1;
    let beste = Infinity;
    for (const [v, c] of rest) {
      if (Math.abs(c) < 1e-6) continue;
      const n = this.kolom.get(v)?.size ?? 0;
      if (n < beste) {
        beste = n;
        pivot = v;
        if (n === 0) break;
      }
    }
    const p = rest.get(pivot)!;
    const nieuw: Rij = new Map();
    for (const [v, c] of rest) nieuw.set(v, c / p);
    const nieuwWaarde = w / p;
    // eliminate the pivot from every basis row that contains it
    const houders = this.kolom.get(pivot);
    if (houders) {
      for (const q of [...houders]) {
        const b = this.basis.get(q)!;
        const c = b.rij.get(pivot)!;
        b.waarde -= c * nieuwWaarde;
        for (const [u, d] of nieuw) {
          const oud = b.rij.get(u) ?? 0;
          const n = u === pivot ? 0 : oud - c * d;
          if (Math.abs(n) < EPS) {
            if (b.rij.delete(u) && u !== q) this.kolom.get(u)?.delete(q);
          } else {
            if (oud === 0 && u !== q) this.kolomVan(u).add(q);
            b.rij.set(u, n);
          }
        }
      }
      this.kolom.delete(pivot);
    }
    this.basis.set(pivot, { rij: nieuw, waarde: nieuwWaarde });
    for (const v of nieuw.keys()) if (v !== pivot) this.kolomVan(v).add(pivot);
    return true;
  }

  /** The value of Σ coef·x when the equations determine it, otherwise undefined. */
  waardeVan(doel: Rij): number | undefined {
    const { rest, waarde } = this.herleid(doel, 0);
    if (rest.size > 0) return undefined;
    return -waarde;
  }

  private kolomVan(v: number): Set<number> {
    let s = this.kolom.get(v);
    if (!s) this.kolom.set(v, (s = new Set()));
    return s;
  }
}
