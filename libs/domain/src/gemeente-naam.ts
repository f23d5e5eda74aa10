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
export function maakGemeenteZoeker(gemeenten: readonly GemeenteNaamCode[]): (naam: string) => string | undefined {
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
