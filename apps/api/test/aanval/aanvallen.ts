import { Stelsel, type Rij } from './lineair';
import {
  iso,
  kwartaalEinde,
  kwartaalStart,
  kwartaalVanDag,
  type Grootheid,
  type Observatie,
  type Principaal,
  type Term,
} from './model';
import type { Waarheid } from './waarheid';

/**
 * The attacks. Every figure a principal got is an equation over unknown counts; an attack is a
 * family of combinations of those equations:
 *  - direct: a small count shown as is in one answer;
 *  - secties/formaten: a cell shown as × in one place and as a number in another (section, file format);
 *  - perioden: the same area and group over different periods (nested, one day or one quarter apart);
 *  - gebieden: the same period and group over different areas (provincie/regio/land minus its gemeenten);
 *  - groepen: the same area and period over different groups (totaal minus the other groups);
 *  - gecombineerd: all of the above at once (full linear span of everything the principal got);
 *  - eigen kennis: the principal's own exact rows subtracted from every aggregate first.
 * A protected cell is RECOVERED when a combination yields a whole number 1–4 equal to the truth.
 */
export type Aanval =
  'direct' | 'secties/formaten' | 'perioden' | 'gebieden' | 'groepen' | 'gecombineerd' | 'eigen kennis';

export interface Vondst {
  principaal: string;
  aanval: Aanval;
  grootheid: Grootheid;
  cel: string;
  waarde: number;
}

export interface Uitkomst {
  vondsten: Vondst[];
  /** owner-knowledge derivations giving 1–4 (n) and how many of those equal the truth (m) */
  eigenKennis: { n: number; m: number; kandidaten: Vondst[] };
  tegenstrijdig: number;
  waarnemingen: number;
}

interface Regio {
  grootheid: Grootheid;
  gemeenten: string[];
  termen: Term[];
  atomen: string[];
}

interface Samengevoegd extends Regio {
  sleutel: string;
  waarde: number | null;
  getoond: Set<string>;
  verborgen: Set<string>;
  eigen: boolean;
}

const termSleutel = (t: readonly Term[]) =>
  t.map((x) => `${x.teken > 0 ? '+' : '-'}${x.van}:${x.tot}`).join(' ');
const regioSleutel = (r: Regio) =>
  `${r.grootheid}|${r.gemeenten.join(',')}|${termSleutel(r.termen)}|${r.atomen.join(',')}`;
const isKc = (g: Grootheid) => g.startsWith('KC_');
const isStand = (g: Grootheid) => g === 'KC_UITSTROOM_WACHTEND';

function beschrijf(r: Regio): string {
  const g = r.gemeenten.length > 4 ? `${r.gemeenten.length} gemeenten` : r.gemeenten.join('+');
  const t = r.termen.map((x) => `${x.teken < 0 ? '−' : ''}${iso(x.van)}..${iso(x.tot)}`).join(' ');
  return `${r.grootheid} ${g} ${t} ${r.atomen.length > 3 ? `${r.atomen.length} atomen` : r.atomen.join('+')}`;
}

const heel = (x: number) => Math.abs(x - Math.round(x)) < 1e-6;

export function valAan(
  p: Principaal,
  waarnemingen: readonly Observatie[],
  w: Waarheid,
  jaren: readonly number[],
): Uitkomst {
  // 1. merge the same cell seen in several places
  const cellen = new Map<string, Samengevoegd>();
  for (const o of waarnemingen) {
    const r: Regio = {
      grootheid: o.grootheid,
      gemeenten: [...new Set(o.gemeenten)].sort(),
      termen: o.termen,
      atomen: [...o.atomen].sort(),
    };
    const sleutel = regioSleutel(r);
    let c = cellen.get(sleutel);
    if (!c) {
      const eigen = p.soort === 'GEMEENTE' && r.gemeenten.length === 1 && r.gemeenten[0] === p.eigenGemeente;
      cellen.set(
        sleutel,
        (c = { ...r, sleutel, waarde: null, getoond: new Set(), verborgen: new Set(), eigen }),
      );
    }
    if (o.waarde === null) c.verborgen.add(o.bron);
    else {
      c.getoond.add(o.bron);
      if (c.waarde === null) c.waarde = o.waarde;
    }
  }
  const lijst = [...cellen.values()];
  const vondsten: Vondst[] = [];
  const gevonden = new Set<string>();
  const eigenKennis = { n: 0, m: 0, kandidaten: [] as Vondst[] };
  let tegenstrijdig = 0;

  const waarAlle = (r: Regio) => w.waarde(r.grootheid, r.gemeenten, r.termen, r.atomen, 'alle');
  const waarAnderen = (r: Regio) => w.waarde(r.grootheid, r.gemeenten, r.termen, r.atomen, p);

  /** Checks a derived value for a region (pure: face values of non-owner figures). */
  const toets = (r: Regio, waarde: number | undefined, aanval: Aanval) => {
    if (waarde === undefined || !heel(waarde)) return;
    // a difference of two counts (the report's "verschil" column) is an equation, not a cell
    if (r.termen.some((t) => t.teken < 0)) return;
    const k = Math.round(waarde);
    const sleutel = regioSleutel(r);
    if (gevonden.has(sleutel)) return;
    // persons (statushouders) are protected like the households they count: a persons figure of
    // 1–4 bounds the household count to 1–4 (docs/decisions.md "Statushouders persons")
    if (k < 1 || k > 4) return;
    if (waarAlle(r) !== k || waarAnderen(r) < 1) return;
    gevonden.add(sleutel);
    vondsten.push({ principaal: p.naam, aanval, grootheid: r.grootheid, cel: beschrijf(r), waarde: k });
  };

  // 2. direct, and the same cell in two places
  for (const c of lijst) {
    if (c.eigen || c.waarde === null) continue;
    toets(c, c.waarde, c.verborgen.size ? 'secties/formaten' : 'direct');
  }

  // 3. the linear attacks, per quantity
  const grootheden = [...new Set(lijst.map((c) => c.grootheid))];
  for (const gh of grootheden) {
    const eigenCellen = lijst.filter((c) => c.grootheid === gh);
    const stukken = new Stukken(gh, eigenCellen, jaren);
    const puur = eigenCellen.filter((c) => !c.eigen && c.waarde !== null);
    const nul = stukken.nullen(puur);
    const rij = (r: Regio) => stukken.rij(r, nul);

    const stelselVan = (cs: readonly Samengevoegd[], waarde: (c: Samengevoegd) => number) => {
      const s = new Stelsel();
      for (const c of cs) if (c.waarde !== null) s.voegToe(rij(c), waarde(c));
      tegenstrijdig += s.tegenstrijdig;
      return s;
    };
    const doelen = (s: Stelsel, ds: Iterable<Regio>, aanval: Aanval) => {
      for (const d of ds) toets(d, s.waardeVan(rij(d)), aanval);
    };
    const groepeer = (f: (c: Samengevoegd) => string) => {
      const m = new Map<string, Samengevoegd[]>();
      for (const c of puur) {
        const k = f(c);
        if (!m.has(k)) m.set(k, []);
        m.get(k)!.push(c);
      }
      return m.values();
    };

    // perioden: same area and atoms, any periods
    for (const groep of groepeer((c) => `${c.gemeenten.join(',')}|${c.atomen.join(',')}`)) {
      if (groep.every((c) => c.waarde === 0)) continue;
      const s = stelselVan(groep, (c) => c.waarde!);
      const { gemeenten, atomen } = groep[0];
      doelen(
        s,
        stukken.periodeDoelen().map((termen) => ({ grootheid: gh, gemeenten, termen, atomen })),
        'perioden',
      );
    }
    // gebieden: same period and atoms, any areas
    for (const groep of groepeer((c) => `${termSleutel(c.termen)}|${c.atomen.join(',')}`)) {
      const s = stelselVan(groep, (c) => c.waarde!);
      doelen(s, gebiedDoelen(groep, s, rij), 'gebieden');
    }
    // groepen: same area and period, any atoms
    if (!isKc(gh) && gh !== 'P') {
      for (const groep of groepeer((c) => `${c.gemeenten.join(',')}|${termSleutel(c.termen)}`)) {
        if (groep.every((c) => c.waarde === 0)) continue;
        const s = stelselVan(groep, (c) => c.waarde!);
        const { gemeenten, termen } = groep[0];
        doelen(
          s,
          stukken.atomen.map((a) => ({ grootheid: gh, gemeenten, termen, atomen: [a] })),
          'groepen',
        );
        // urgentie: also two atoms together (via urgentie minus one category leaves the others:
        // "the urgent households not in mantelzorg" is a count too; review of session 5)
        if (gh === 'HH_URGENTIE')
          doelen(
            s,
            stukken.atomen.flatMap((a, i) =>
              stukken.atomen.slice(i + 1).map((b) => ({ grootheid: gh, gemeenten, termen, atomen: [a, b] })),
            ),
            'groepen',
          );
      }
    }
    // everything at once
    const alle = stelselVan(puur, (c) => c.waarde!);
    const fijn = stukken.fijneDoelen(puur, nul);
    doelen(alle, fijn, 'gecombineerd');
    doelen(alle, gebiedDoelen(puur, alle, rij), 'gecombineerd');

    // eigen kennis: subtract the principal's own exact rows from every figure, unknowns = the others' counts
    if (p.soort === 'CORPORATIE' || p.soort === 'GEMEENTE' || p.soort === 'ZORGAANBIEDER') {
      const metEigen = eigenCellen.filter((c) => c.waarde !== null);
      const s = new Stelsel();
      const nulAnderen = stukken.nullen(
        metEigen.map((c) => ({ ...c, waarde: c.waarde! - (waarAlle(c) - waarAnderen(c)) })),
      );
      const rijA = (r: Regio) => stukken.rij(r, nulAnderen);
      for (const c of metEigen) s.voegToe(rijA(c), c.waarde! - (waarAlle(c) - waarAnderen(c)));
      tegenstrijdig += s.tegenstrijdig;
      for (const d of [...fijn, ...gebiedDoelen(metEigen, s, rijA)]) {
        const sleutel = regioSleutel(d);
        if (gevonden.has(sleutel)) continue;
        const v = s.waardeVan(rijA(d));
        if (v === undefined || !heel(v)) continue;
        const k = Math.round(v);
        if (k < 1 || k > 4) continue;
        eigenKennis.n++;
        if (waarAnderen(d) === k) {
          eigenKennis.m++;
          gevonden.add(sleutel);
          eigenKennis.kandidaten.push({
            principaal: p.naam,
            aanval: 'eigen kennis',
            grootheid: d.grootheid,
            cel: beschrijf(d),
            waarde: k,
          });
        }
      }
    }
  }
  return { vondsten, eigenKennis, tegenstrijdig, waarnemingen: waarnemingen.length };
}

/** Areas: each gemeente alone, and each area minus the gemeenten that are determined (the hidden rest). */
function* gebiedDoelen(cs: readonly Samengevoegd[], s: Stelsel, rij: (r: Regio) => Rij): Generator<Regio> {
  const gezien = new Set<string>();
  for (const c of cs) {
    if (c.termen.some((t) => t.teken < 0)) continue;
    for (const g of c.gemeenten) {
      const k = `${g}|${termSleutel(c.termen)}|${c.atomen}`;
      if (gezien.has(k)) continue;
      gezien.add(k);
      yield { grootheid: c.grootheid, gemeenten: [g], termen: c.termen, atomen: c.atomen };
    }
    if (c.gemeenten.length > 1) {
      const rest = c.gemeenten.filter(
        (g) =>
          s.waardeVan(rij({ grootheid: c.grootheid, gemeenten: [g], termen: c.termen, atomen: c.atomen })) ===
          undefined,
      );
      if (rest.length > 0 && rest.length < c.gemeenten.length)
        yield { grootheid: c.grootheid, gemeenten: rest, termen: c.termen, atomen: c.atomen };
    }
  }
}

/**
 * The pieces time is cut into for one quantity: stretches of days between every period boundary
 * any answer used (households, persons), or quarters (kwartaalcijfers: a SOM counts the quarters
 * wholly inside the period; a STAND is the last quarter ended by the period's end).
 */
/** Unknowns known to be 0, and the gemeenten whose every unknown is 0 (skipped when building rows). */
interface Nullen {
  vars: Set<number>;
  perGemeente: Map<string, number>;
  heleGemeente: Set<string>;
}

class Stukken {
  readonly atomen: string[];
  private readonly atoomNr: Map<string, number>;
  private readonly grenzen: number[];
  private readonly gemeenteNr = new Map<string, number>();
  /** every piece any figure touches: a gemeente is wholly 0 when all of these are */
  private readonly universum: number;

  constructor(
    readonly grootheid: Grootheid,
    cellen: readonly Samengevoegd[],
    private readonly jaren: readonly number[],
  ) {
    this.atomen = [...new Set(cellen.flatMap((c) => c.atomen))].sort();
    this.atoomNr = new Map(this.atomen.map((a, i) => [a, i]));
    const b = new Set<number>();
    for (const c of cellen) for (const t of c.termen) b.add(t.van).add(t.tot + 1);
    for (const j of jaren) for (let k = 0; k <= 4; k++) b.add(kwartaalStart(j * 4 + k));
    this.grenzen = [...b].sort((x, y) => x - y);
    const alle = new Set<number>();
    for (const c of cellen) for (const t of c.termen) for (const id of this.ids(t)) alle.add(id);
    this.universum = alle.size * this.atomen.length;
  }

  private var(g: string, id: number, a: string): number {
    let n = this.gemeenteNr.get(g);
    if (n === undefined) this.gemeenteNr.set(g, (n = this.gemeenteNr.size));
    // kwartaalcijfer ids are quarter numbers (jaar × 4 + k): offset into a small range
    const stuk = isKc(this.grootheid) ? id - 7600 : id;
    return (n * 2000 + stuk) * this.atomen.length + this.atoomNr.get(a)!;
  }

  /** piece ids of one term: segment indices, or quarter numbers for kwartaalcijfers */
  ids(t: Term): number[] {
    if (isStand(this.grootheid)) return [kwartaalVanDag(t.tot + 1) - 1];
    if (isKc(this.grootheid)) {
      const uit: number[] = [];
      for (let q = kwartaalVanDag(t.van); kwartaalStart(q) <= t.tot; q++)
        if (kwartaalStart(q) >= t.van && kwartaalEinde(q) <= t.tot) uit.push(q);
      return uit;
    }
    const uit: number[] = [];
    for (let i = 0; i < this.grenzen.length - 1; i++)
      if (this.grenzen[i] >= t.van && this.grenzen[i + 1] - 1 <= t.tot) uit.push(i);
    return uit;
  }

  /** the term of one piece */
  term(id: number): Term {
    if (isKc(this.grootheid)) return { van: kwartaalStart(id), tot: kwartaalEinde(id), teken: 1 };
    return { van: this.grenzen[id], tot: this.grenzen[id + 1] - 1, teken: 1 };
  }

  /** All pieces inside the attacked years. */
  private binnen(): number[] {
    const van = kwartaalStart(Math.min(...this.jaren) * 4);
    const tot = kwartaalEinde(Math.max(...this.jaren) * 4 + 3);
    return this.ids({ van, tot, teken: 1 });
  }

  rij(r: Regio, nul: Nullen): Rij {
    const rij: Rij = new Map();
    for (const g of r.gemeenten) {
      if (nul.heleGemeente.has(g)) continue;
      for (const t of r.termen) {
        for (const id of this.ids(t)) {
          for (const a of r.atomen) {
            const v = this.var(g, id, a);
            if (nul.vars.has(v)) continue;
            const n = (rij.get(v) ?? 0) + t.teken;
            if (n === 0) rij.delete(v);
            else rij.set(v, n);
          }
        }
      }
    }
    return rij;
  }

  /** Counts are never negative: a figure 0 over positive terms makes each of its unknowns 0. */
  nullen(cs: readonly (Regio & { waarde: number | null })[]): Nullen {
    const nul: Nullen = { vars: new Set(), perGemeente: new Map(), heleGemeente: new Set() };
    for (const c of cs) {
      if (c.waarde !== 0 || c.termen.some((t) => t.teken < 0)) continue;
      for (const g of c.gemeenten) {
        if (nul.heleGemeente.has(g)) continue;
        for (const t of c.termen)
          for (const id of this.ids(t))
            for (const a of c.atomen) {
              const v = this.var(g, id, a);
              if (nul.vars.has(v)) continue;
              nul.vars.add(v);
              const n = (nul.perGemeente.get(g) ?? 0) + 1;
              nul.perGemeente.set(g, n);
              if (n >= this.universum) nul.heleGemeente.add(g);
            }
      }
    }
    return nul;
  }

  /** periods to test in the period attack: each piece, runs of up to 3 pieces, grid quarters/halves/years */
  periodeDoelen(): Term[][] {
    const ids = this.binnen();
    const uit: Term[][] = [];
    for (let i = 0; i < ids.length; i++) {
      for (let n = 1; n <= 3 && i + n <= ids.length; n++) {
        const a = this.term(ids[i]);
        const b = this.term(ids[i + n - 1]);
        uit.push([{ van: a.van, tot: b.tot, teken: 1 }]);
      }
    }
    for (const j of this.jaren) {
      for (let k = 0; k < 4; k++)
        uit.push([{ van: kwartaalStart(j * 4 + k), tot: kwartaalEinde(j * 4 + k), teken: 1 }]);
      uit.push([{ van: kwartaalStart(j * 4), tot: kwartaalEinde(j * 4 + 1), teken: 1 }]);
      uit.push([{ van: kwartaalStart(j * 4 + 2), tot: kwartaalEinde(j * 4 + 3), teken: 1 }]);
    }
    return uit;
  }

  /** the finest cells: each gemeente × piece × atom, × all atoms, and gemeente × quarter × atom */
  fijneDoelen(cs: readonly Samengevoegd[], nul: Nullen): Regio[] {
    const gemeenten = [
      ...new Set(cs.filter((c) => c.gemeenten.length <= 3).flatMap((c) => c.gemeenten)),
    ].filter((g) => !nul.heleGemeente.has(g));
    const uit: Regio[] = [];
    const ids = this.binnen();
    for (const g of gemeenten) {
      for (const id of ids) {
        const termen = [this.term(id)];
        for (const a of this.atomen)
          uit.push({ grootheid: this.grootheid, gemeenten: [g], termen, atomen: [a] });
        if (this.atomen.length > 1)
          uit.push({ grootheid: this.grootheid, gemeenten: [g], termen, atomen: this.atomen });
      }
      if (!isKc(this.grootheid)) {
        for (const j of this.jaren) {
          for (let k = 0; k < 4; k++) {
            const termen = [
              { van: kwartaalStart(j * 4 + k), tot: kwartaalEinde(j * 4 + k), teken: 1 as const },
            ];
            for (const a of this.atomen)
              uit.push({ grootheid: this.grootheid, gemeenten: [g], termen, atomen: [a] });
          }
        }
      }
    }
    return uit;
  }
}
