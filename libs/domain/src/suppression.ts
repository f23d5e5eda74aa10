import { DomainError } from './domain-error';
import { formatGetal } from './nl-format';

/**
 * Small-cell suppression for aggregate tables shown to viewers who do not own the rows (AVG):
 * a count of 1–4 households in a gemeente × aandachtsgroep cell could point at one household.
 *
 * Primary: every cell, row total, column total or grand total with 1 ≤ n < drempel is hidden.
 * Zero is shown: "nobody" identifies no one.
 *
 * Secondary: a hidden cell must not be recoverable from what is shown. The table with its totals
 * is treated as one (rows+1) × (columns+1) grid in which every row and every column is a sum
 * constraint (the totals row sums to the grand total, and so does the totals column).
 *  1. Line rule (the usual rule, iterated until stable): a line with exactly one hidden entry
 *     gives that entry away by subtraction, so hide one more entry of that line: the smallest
 *     shown non-zero cell; failing that a shown zero cell; failing that the line's total.
 *  2. Cycle rule: the line rule alone is not enough. Hidden entries form a graph (rows and columns
 *     are nodes, hidden entries are edges); an entry is recoverable from the totals exactly when
 *     its edge is a bridge, i.e. lies on no cycle. Two "rectangles" of hidden cells joined by one
 *     hidden cell leave every line with two hidden entries, yet adding and subtracting the lines
 *     around one rectangle yields the joining cell. For each bridge one more entry is hidden that
 *     closes a cycle through it, preferring the smallest non-zero inner cell, then inner zeros,
 *     then row/column totals, and the grand total last.
 * Both rules repeat until neither changes anything; every step hides one more entry, so it ends.
 *
 * What this protects against: exact recovery by any linear combination of the shown totals
 * (checked in the spec by linear algebra). It does not guarantee a minimum width of the interval
 * an attacker can derive from non-negativity; for counts shown per gemeente that is accepted.
 *
 * Output cells carry no reason for hiding: telling primary from secondary cells would leak
 * (a secondary cell is known to be 0 or ≥ drempel, which can pin down its primary neighbour).
 */
export interface Cel {
  readonly waarde: number | null;
  readonly onderdrukt: boolean;
}

export interface OnderdrukteTabel {
  readonly cellen: readonly (readonly Cel[])[];
  readonly rijTotalen: readonly Cel[];
  readonly kolomTotalen: readonly Cel[];
  readonly totaal: Cel;
}

export interface OnderdrukteReeks {
  readonly cellen: readonly Cel[];
  readonly totaal: Cel;
}

export interface OnderdrukkingOpties {
  /** smallest count that may be shown; default 5 */
  readonly drempel?: number;
}

export const STANDAARD_DREMPEL = 5;

/**
 * What a hidden cell shows. Deliberately not '<5': a secondary-suppressed cell can hold 0 or 250,
 * and a UI that printed '<5' there would state something false (and add up wrongly). The legend
 * explains the mark: ONDERDRUKT_UITLEG.
 */
export const ONDERDRUKT_TEKEN = '×';

export function onderdruktUitleg(drempel = STANDAARD_DREMPEL): string {
  return `× = afgeschermd: minder dan ${drempel}, of af te leiden uit een aantal kleiner dan ${drempel} (AVG)`;
}

/** How a cell reads in a table: '×' when hidden, otherwise the nl-NL number ('1.234'). */
export function toonCel(cel: Cel): string {
  return cel.onderdrukt || cel.waarde === null ? ONDERDRUKT_TEKEN : formatGetal(cel.waarde);
}

export function onderdrukTabel(
  tabel: readonly (readonly number[])[],
  opties: OnderdrukkingOpties = {},
): OnderdrukteTabel {
  const drempel = controleerDrempel(opties.drempel);
  const rijen = tabel.length;
  const kolommen = rijen === 0 ? 0 : tabel[0].length;
  tabel.forEach((rij, i) => {
    if (rij.length !== kolommen) {
      throw new DomainError(
        'ONGELDIGE_TABEL',
        `Rij ${i + 1} heeft ${rij.length} kolommen in plaats van ${kolommen}`,
      );
    }
    rij.forEach((n, j) => controleerAantal(n, `cel (${i + 1}, ${j + 1})`));
  });

  const raster = maakRaster(tabel, rijen, kolommen);
  const verborgen = raster.map((rij) => rij.map((n) => n >= 1 && n < drempel));
  verbergSecundair(raster, verborgen);

  const cel = (i: number, j: number): Cel =>
    verborgen[i][j] ? { waarde: null, onderdrukt: true } : { waarde: raster[i][j], onderdrukt: false };
  const bereik = (n: number) => Array.from({ length: n }, (_, k) => k);
  return {
    cellen: bereik(rijen).map((i) => bereik(kolommen).map((j) => cel(i, j))),
    rijTotalen: bereik(rijen).map((i) => cel(i, kolommen)),
    kolomTotalen: bereik(kolommen).map((j) => cel(rijen, j)),
    totaal: cel(rijen, kolommen),
  };
}

/**
 * One-dimensional variant: a list of counts and its total (e.g. toewijzingen per aandachtsgroep
 * in one gemeente). A single sum constraint, so after the primary step two hidden entries suffice.
 */
export function onderdrukReeks(
  waarden: readonly number[],
  opties: OnderdrukkingOpties = {},
): OnderdrukteReeks {
  const drempel = controleerDrempel(opties.drempel);
  waarden.forEach((n, i) => controleerAantal(n, `waarde ${i + 1}`));
  const totaal = waarden.reduce((s, n) => s + n, 0);
  const verborgen = waarden.map((n) => n >= 1 && n < drempel);
  let totaalVerborgen = totaal >= 1 && totaal < drempel;
  const aantalVerborgen = verborgen.filter(Boolean).length + (totaalVerborgen ? 1 : 0);
  if (aantalVerborgen === 1) {
    const partner = kiesPartner(waarden.map((n, i) => ({ index: i, waarde: n, verborgen: verborgen[i] })));
    if (partner === undefined) totaalVerborgen = true;
    else verborgen[partner] = true;
  }
  return {
    cellen: waarden.map((n, i) =>
      verborgen[i] ? { waarde: null, onderdrukt: true } : { waarde: n, onderdrukt: false },
    ),
    totaal: totaalVerborgen ? { waarde: null, onderdrukt: true } : { waarde: totaal, onderdrukt: false },
  };
}

function controleerDrempel(drempel = STANDAARD_DREMPEL): number {
  if (!Number.isSafeInteger(drempel) || drempel < 1) {
    throw new DomainError(
      'ONGELDIGE_DREMPEL',
      `De drempel moet een geheel getal van 1 of meer zijn (${drempel})`,
    );
  }
  return drempel;
}

function controleerAantal(n: number, waar: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new DomainError('ONGELDIGE_TABEL', `De ${waar} is geen aantal (geheel getal van 0 of meer): ${n}`);
  }
}

/** (rijen+1) × (kolommen+1): last column the row totals, last row the column totals, corner the grand total. */
function maakRaster(tabel: readonly (readonly number[])[], rijen: number, kolommen: number): number[][] {
  const raster = tabel.map((rij) => [...rij, rij.reduce((s, n) => s + n, 0)]);
  const totaalRij: number[] = [];
  for (let j = 0; j <= kolommen; j++) totaalRij.push(raster.reduce((s, rij) => s + rij[j], 0));
  raster.push(totaalRij);
  return raster;
}

interface Kandidaat {
  readonly index: number;
  readonly waarde: number;
  readonly verborgen: boolean;
}

/** Smallest shown non-zero member, else a shown zero member, else undefined (caller hides the total). */
function kiesPartner(leden: readonly Kandidaat[]): number | undefined {
  const zichtbaar = leden.filter((l) => !l.verborgen);
  const nietNul = zichtbaar
    .filter((l) => l.waarde > 0)
    .sort((a, b) => a.waarde - b.waarde || a.index - b.index);
  return (nietNul[0] ?? zichtbaar[0])?.index;
}

function verbergSecundair(raster: number[][], verborgen: boolean[][]): void {
  for (;;) {
    if (pasLijnregelToe(raster, verborgen)) continue;
    if (!sluitEenBrug(raster, verborgen)) return;
  }
}

/** Returns whether anything was hidden. */
function pasLijnregelToe(raster: number[][], verborgen: boolean[][]): boolean {
  const laatsteRij = raster.length - 1;
  const laatsteKolom = raster[0].length - 1;
  let gewijzigd = false;
  for (let i = 0; i <= laatsteRij; i++) {
    if (verborgen[i].filter(Boolean).length !== 1 || laatsteKolom === 0) continue;
    const leden = raster[i]
      .slice(0, laatsteKolom)
      .map((waarde, j) => ({ index: j, waarde, verborgen: verborgen[i][j] }));
    verborgen[i][kiesPartner(leden) ?? laatsteKolom] = true;
    gewijzigd = true;
  }
  for (let j = 0; j <= laatsteKolom; j++) {
    const kolom = verborgen.map((rij) => rij[j]);
    if (kolom.filter(Boolean).length !== 1 || laatsteRij === 0) continue;
    const leden = raster
      .slice(0, laatsteRij)
      .map((rij, i) => ({ index: i, waarde: rij[j], verborgen: verborgen[i][j] }));
    verborgen[kiesPartner(leden) ?? laatsteRij][j] = true;
    gewijzigd = true;
  }
  return gewijzigd;
}

/**
 * Finds one hidden entry that lies on no cycle of hidden entries and hides one more entry that
 * closes a cycle through it. Returns whether anything was hidden.
 */
function sluitEenBrug(raster: number[][], verborgen: boolean[][]): boolean {
  const rijen = raster.length;
  const kolommen = raster[0].length;
  // nodes 0..rijen-1 are grid rows, rijen..rijen+kolommen-1 grid columns; edges are hidden entries
  const buren: { knoop: number; rij: number; kolom: number }[][] = Array.from(
    { length: rijen + kolommen },
    () => [],
  );
  for (let i = 0; i < rijen; i++) {
    for (let j = 0; j < kolommen; j++) {
      if (!verborgen[i][j]) continue;
      buren[i].push({ knoop: rijen + j, rij: i, kolom: j });
      buren[rijen + j].push({ knoop: i, rij: i, kolom: j });
    }
  }
  const brug = zoekBrug(buren);
  if (!brug) return false;

  // the two sides of the bridge once it is taken out
  const kant = new Array<number>(rijen + kolommen).fill(-1);
  const markeer = (start: number, label: number) => {
    const stapel = [start];
    kant[start] = label;
    while (stapel.length > 0) {
      const k = stapel.pop()!;
      for (const b of buren[k]) {
        if (b.rij === brug.rij && b.kolom === brug.kolom) continue;
        if (kant[b.knoop] === -1) {
          kant[b.knoop] = label;
          stapel.push(b.knoop);
        }
      }
    }
  };
  markeer(brug.rij, 0);
  markeer(rijen + brug.kolom, 1);

  let beste: { i: number; j: number; kosten: number[] } | undefined;
  for (let i = 0; i < rijen; i++) {
    for (let j = 0; j < kolommen; j++) {
      if (verborgen[i][j]) continue;
      const a = kant[i];
      const b = kant[rijen + j];
      if (a === -1 || b === -1 || a === b) continue;
      const kosten = [klasse(i, j, rijen, kolommen, raster[i][j]), raster[i][j], i, j];
      if (!beste || vergelijkLexicografisch(kosten, beste.kosten) < 0) beste = { i, j, kosten };
    }
  }
  // Always found: the line rule ran first, so both ends of the bridge have another hidden entry,
  // (r, c2) on one side and (r2, c) on the other; (r2, c2) then joins the sides and cannot be
  // hidden already, or the bridge would not be one.
  if (!beste) return false;
  verborgen[beste.i][beste.j] = true;
  return true;
}

/** 0 inner non-zero, 1 inner zero, 2 row/column total non-zero, 3 total zero, 4 grand total. */
function klasse(i: number, j: number, rijen: number, kolommen: number, waarde: number): number {
  const laatsteRij = i === rijen - 1;
  const laatsteKolom = j === kolommen - 1;
  if (laatsteRij && laatsteKolom) return 4;
  if (laatsteRij || laatsteKolom) return waarde > 0 ? 2 : 3;
  return waarde > 0 ? 0 : 1;
}

function vergelijkLexicografisch(a: number[], b: number[]): number {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] - b[k];
  return 0;
}

/** Tarjan's bridge search (iterative, so a 342-gemeente table cannot overflow the stack). */
function zoekBrug(
  buren: { knoop: number; rij: number; kolom: number }[][],
): { rij: number; kolom: number } | undefined {
  const n = buren.length;
  const ontdekt = new Array<number>(n).fill(-1);
  const laagste = new Array<number>(n).fill(0);
  let tijd = 0;
  for (let wortel = 0; wortel < n; wortel++) {
    if (ontdekt[wortel] !== -1 || buren[wortel].length === 0) continue;
    const stapel: { knoop: number; via: { rij: number; kolom: number } | null; volgende: number }[] = [
      { knoop: wortel, via: null, volgende: 0 },
    ];
    ontdekt[wortel] = laagste[wortel] = tijd++;
    while (stapel.length > 0) {
      const top = stapel[stapel.length - 1];
      if (top.volgende < buren[top.knoop].length) {
        const b = buren[top.knoop][top.volgende++];
        if (top.via && b.rij === top.via.rij && b.kolom === top.via.kolom) continue;
        if (ontdekt[b.knoop] === -1) {
          ontdekt[b.knoop] = laagste[b.knoop] = tijd++;
          stapel.push({ knoop: b.knoop, via: { rij: b.rij, kolom: b.kolom }, volgende: 0 });
        } else {
          laagste[top.knoop] = Math.min(laagste[top.knoop], ontdekt[b.knoop]);
        }
      } else {
        stapel.pop();
        const ouder = stapel[stapel.length - 1];
        if (ouder && top.via) {
          laagste[ouder.knoop] = Math.min(laagste[ouder.knoop], laagste[top.knoop]);
          if (laagste[top.knoop] > ontdekt[ouder.knoop]) return top.via;
        }
      }
    }
  }
  return undefined;
}
