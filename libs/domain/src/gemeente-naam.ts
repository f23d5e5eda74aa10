import { tekstSleutel } from './tekst-sleutel';

/**
 * Reads a gemeente as corporaties write it in their exports: the CBS name in any case or
 * spelling of separators ("'s-Gravenhage", "s gravenhage"), or the name people use instead of the
 * official one ("Den Haag", "Den Bosch"). Names shared by two gemeenten without their province
 * suffix ("Bergen" is both Bergen (L.) and Bergen (NH.)) stay unknown: guessing would put a
 * toewijzing in the wrong gemeente.
 */
export interface GemeenteNaamCode {
  readonly code: string;
  readonly naam: string;
}

/** Everyday names for gemeenten whose CBS name differs, keyed to the CBS code. */
export const GEMEENTE_ALIASSEN: Readonly<Record<string, string>> = {
  'den haag': 'GM0518',
  'the hague': 'GM0518',
  'den bosch': 'GM0796',
  's hertogenbosch': 'GM0796',
};

/** Builds the lookup once per import (342 names), so every row is a Map lookup. */
export function maakGemeenteZoeker(
  gemeenten: readonly GemeenteNaamCode[],
): (naam: string) => string | undefined {
  const opSleutel = new Map<string, string | null>();
  const zet = (sleutel: string, code: string) => {
    if (sleutel === '') return;
    const bestaand = opSleutel.get(sleutel);
    // the same key for two different gemeenten: ambiguous, never resolved
    opSleutel.set(sleutel, bestaand === undefined || bestaand === code ? code : null);
  };
  const codes = new Set(gemeenten.map((g) => g.code));
  for (const g of gemeenten) zet(tekstSleutel(g.naam), g.code);
  // "Bergen (NH.)" is also written "Bergen NH" or "Bergen": the bare name counts only when unique
  const kaal = new Map<string, Set<string>>();
  for (const g of gemeenten) {
    const zonder = tekstSleutel(g.naam.replace(/\s*\([^)]*\)\s*$/, ''));
    if (!kaal.has(zonder)) kaal.set(zonder, new Set());
    kaal.get(zonder)!.add(g.code);
  }
  for (const [sleutel, set] of kaal) {
    if (!opSleutel.has(sleutel)) opSleutel.set(sleutel, set.size === 1 ? [...set][0] : null);
  }
  for (const [alias, code] of Object.entries(GEMEENTE_ALIASSEN)) {
    if (codes.has(code)) zet(tekstSleutel(alias), code);
  }
  return (naam: string) => opSleutel.get(tekstSleutel(naam)) ?? undefined;
}

/** A gemeente as the import names it back to the user: name, code and (when known) provincie. */
export interface GemeenteKandidaat {
  readonly code: string;
  readonly naam: string;
  readonly provincie?: string;
}

export type GemeenteHerkenning =
  | { readonly soort: 'GEVONDEN'; readonly code: string }
  /** the name fits more than one gemeente, or is the bare form of a CBS name with a provincie suffix */
  | { readonly soort: 'DUBBELZINNIG'; readonly kandidaten: readonly GemeenteKandidaat[] }
  /** no gemeente has this name; kandidaten are close spellings (may be empty) */
  | { readonly soort: 'ONBEKEND'; readonly kandidaten: readonly GemeenteKandidaat[] };

const SUFFIX = /\s*\([^)]*\)\s*$/;
const MAX_KANDIDATEN = 3;

/**
 * Like maakGemeenteZoeker, but says WHY a name is not taken, with the gemeenten it could mean
 * (issue 12, item 7), for the toewijzingen import:
 * - a name shared by gemeenten in more than one provincie ("Bergen": Bergen (L.) and Bergen (NH.))
 *   is DUBBELZINNIG with both named;
 * - the bare form of a CBS name that carries a provincie suffix ("Hengelo" for "Hengelo (O.)") is
 *   DUBBELZINNIG as well, with the one current gemeente named: CBS adds the suffix exactly because
 *   the name was used by gemeenten in more than one provincie (Hengelo in Gelderland until 2005,
 *   now a village of Bronckhorst), so an export's "Hengelo" is not proof of GM0164;
 * - an unknown name gets up to three close spellings (edit distance ≤ 2 on the text key).
 * CBS codes are not names: the import reads them before it asks this function.
 */
export function maakGemeenteHerkenner(
  gemeenten: readonly GemeenteKandidaat[],
): (naam: string) => GemeenteHerkenning {
  const zoek = maakGemeenteZoeker(gemeenten);
  const opCode = new Map(gemeenten.map((g) => [g.code, g]));
  const volledig = new Map<string, GemeenteKandidaat[]>();
  const kaal = new Map<string, GemeenteKandidaat[]>();
  const voeg = (m: Map<string, GemeenteKandidaat[]>, sleutel: string, g: GemeenteKandidaat) => {
    if (sleutel === '') return;
    const lijst = m.get(sleutel) ?? [];
    if (!lijst.some((x) => x.code === g.code)) lijst.push(g);
    m.set(sleutel, lijst);
  };
  for (const g of gemeenten) {
    voeg(volledig, tekstSleutel(g.naam), g);
    voeg(kaal, tekstSleutel(g.naam.replace(SUFFIX, '')), g);
  }
  const sleutels = [...new Set([...volledig.keys(), ...kaal.keys()])];
  const cache = new Map<string, GemeenteHerkenning>();
  const sorteer = (l: readonly GemeenteKandidaat[]) =>
    [...l].sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));

  const herken = (naam: string): GemeenteHerkenning => {
    const sleutel = tekstSleutel(naam);
    const gedeeld = volledig.get(sleutel);
    if (gedeeld && gedeeld.length > 1) return { soort: 'DUBBELZINNIG', kandidaten: sorteer(gedeeld) };
    const bare = kaal.get(sleutel);
    if (!gedeeld && bare && (bare.length > 1 || SUFFIX.test(bare[0].naam))) {
      return { soort: 'DUBBELZINNIG', kandidaten: sorteer(bare) };
    }
    const code = zoek(naam);
    if (code) return { soort: 'GEVONDEN', code };
    if (sleutel.length < 3) return { soort: 'ONBEKEND', kandidaten: [] };
    const dichtbij = sleutels
      .map((s) => ({ s, d: bewerkingsAfstand(sleutel, s, 2) }))
      .filter((x) => x.d <= 2)
      .sort((a, b) => a.d - b.d || a.s.localeCompare(b.s));
    const kandidaten: GemeenteKandidaat[] = [];
    for (const { s } of dichtbij) {
      for (const g of volledig.get(s) ?? kaal.get(s) ?? []) {
        if (!kandidaten.some((k) => k.code === g.code)) kandidaten.push(opCode.get(g.code) ?? g);
      }
    }
    return { soort: 'ONBEKEND', kandidaten: kandidaten.slice(0, MAX_KANDIDATEN) };
  };
  return (naam: string) => {
    const sleutel = tekstSleutel(naam);
    let r = cache.get(sleutel);
    if (!r) {
      r = herken(naam);
      if (cache.size < 10_000) cache.set(sleutel, r);
    }
    return r;
  };
}

/** "Bergen (L.) (GM0893, Limburg)": how a candidate is named in an error message. */
export function gemeenteKandidaatTekst(g: GemeenteKandidaat): string {
  return `${g.naam} (${g.code}${g.provincie ? `, ${g.provincie}` : ''})`;
}

/** Levenshtein distance, stopping early once it exceeds `grens` (returns grens + 1 then). */
export function bewerkingsAfstand(a: string, b: string, grens: number): number {
  if (Math.abs(a.length - b.length) > grens) return grens + 1;
  let vorige = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const huidig = [i];
    let kleinste = i;
    for (let j = 1; j <= b.length; j++) {
      const w = Math.min(vorige[j] + 1, huidig[j - 1] + 1, vorige[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      huidig.push(w);
      if (w < kleinste) kleinste = w;
    }
    if (kleinste > grens) return grens + 1;
    vorige = huidig;
  }
  return vorige[b.length];
}
