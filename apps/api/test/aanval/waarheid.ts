import {
  groepAtoom,
  kwartaalStart,
  kwartaalEinde,
  kwartaalVanDag,
  urgentieAtoom,
  type Grootheid,
  type Kwartaalcijfer,
  type Principaal,
  type Term,
  type Toewijzing,
} from './model';

/**
 * The truth, computed from the seeded rows themselves (never from the API): counts per region,
 * for everybody's rows or only for the rows a principal does not own.
 */
export class Waarheid {
  private readonly perGemeente = new Map<string, Toewijzing[]>();
  private readonly kcPerGemeente = new Map<string, Kwartaalcijfer[]>();

  constructor(
    readonly toewijzingen: Toewijzing[] = [],
    readonly kwartaalcijfers: Kwartaalcijfer[] = [],
  ) {
    for (const t of toewijzingen) this.index(t);
    for (const k of kwartaalcijfers) this.indexKc(k);
  }

  voegToe(t: Toewijzing[], k: Kwartaalcijfer[]): void {
    for (const x of t) {
      this.toewijzingen.push(x);
      this.index(x);
    }
    for (const x of k) {
      this.kwartaalcijfers.push(x);
      this.indexKc(x);
    }
  }

  private index(t: Toewijzing) {
    let l = this.perGemeente.get(t.gemeente);
    if (!l) this.perGemeente.set(t.gemeente, (l = []));
    l.push(t);
  }
  private indexKc(k: Kwartaalcijfer) {
    let l = this.kcPerGemeente.get(k.gemeente);
    if (!l) this.kcPerGemeente.set(k.gemeente, (l = []));
    l.push(k);
  }

  gemeentenMetGegevens(): string[] {
    return [...new Set([...this.perGemeente.keys(), ...this.kcPerGemeente.keys()])].sort();
  }

  /**
   * The value of a region. `wie`: 'alle' = everybody's rows; a principal = only the rows that
   * principal does NOT own (what would be a disclosure to it).
   */
  waarde(
    grootheid: Grootheid,
    gemeenten: readonly string[],
    termen: readonly Term[],
    atomen: readonly string[],
    wie: 'alle' | Principaal,
  ): number {
    const anderen = wie === 'alle' ? null : wie;
    let som = 0;
    if (grootheid === 'HH_GROEP' || grootheid === 'HH_URGENTIE' || grootheid === 'P') {
      const atoom = grootheid === 'HH_URGENTIE' ? urgentieAtoom : groepAtoom;
      const set = new Set(atomen);
      for (const g of gemeenten) {
        for (const t of this.perGemeente.get(g) ?? []) {
          if (anderen && bezitToewijzing(anderen, t)) continue;
          if (grootheid === 'P' ? t.groep !== 'STATUSHOUDERS' : !set.has(atoom(t))) continue;
          for (const term of termen)
            if (t.dag >= term.van && t.dag <= term.tot)
              som += term.teken * (grootheid === 'P' ? t.grootte : 1);
        }
      }
      return som;
    }
    const indicator = grootheid.slice(3);
    for (const g of gemeenten) {
      const rijen = (this.kcPerGemeente.get(g) ?? []).filter(
        (k) => k.indicator === indicator && !(anderen && bezitKwartaalcijfer(anderen, k)),
      );
      for (const term of termen) {
        if (indicator === 'UITSTROOM_WACHTEND') som += term.teken * stand(rijen, term.tot);
        else
          for (const k of rijen)
            if (kwartaalStart(k.kwartaal) >= term.van && kwartaalEinde(k.kwartaal) <= term.tot)
              som += term.teken * k.waarde;
      }
    }
    return som;
  }
}

/** Stand at a peildatum: per reporter the latest quarter that ended by then, at most 4 quarters old. */
export function stand(rijen: readonly Kwartaalcijfer[], peil: number): number {
  const laatste = kwartaalVanDag(peil + 1) - 1;
  const per = new Map<string, Kwartaalcijfer>();
  for (const k of rijen) {
    if (k.kwartaal > laatste || k.kwartaal < laatste - 3) continue;
    const oud = per.get(k.organisatie);
    if (!oud || oud.kwartaal < k.kwartaal) per.set(k.organisatie, k);
  }
  let s = 0;
  for (const k of per.values()) s += k.waarde;
  return s;
}

/** Owners (docs/decisions.md, Publicatie): the corporatie its rows, the gemeente its area. */
export function bezitToewijzing(p: Principaal, t: Toewijzing): boolean {
  if (p.soort === 'CORPORATIE') return t.corporatie === p.organisatie;
  if (p.soort === 'GEMEENTE') return t.gemeente === p.eigenGemeente;
  return false;
}

/** The reporting organisation owns its kwartaalcijfers; the gemeente everything about itself. */
export function bezitKwartaalcijfer(p: Principaal, k: Kwartaalcijfer): boolean {
  if (p.soort === 'GEMEENTE') return k.gemeente === p.eigenGemeente;
  return k.organisatie === p.organisatie;
}
