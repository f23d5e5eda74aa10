import { onderdrukTabel, type ToewijzingenBerekening } from '@thuismonitor/domain';
import { indicatorenVan } from './realisatie-sql';

/**
 * Small-cell suppression of voortgang for viewers who do not own the rows (provincie, Rijk, other
 * parties: zietOnderdrukteCellen). The table that could single out a household is gemeente ×
 * household-count toewijzing indicator (per aandachtsgroep, via urgentie, total); it goes through
 * the domain's onderdrukTabel as ONE table, so the secondary suppression sees every gemeente and the
 * area totals (the table's column totals) at once: no hidden cell can be recovered from the totals
 * and the other cells of the same answer.
 *
 * The persons count of statushouders housed (STATUSHOUDERS_GEHUISVEST) is public by nature
 * (docs/decisions.md, "Publicatie"): COA and the provincies publish it per gemeente per half year,
 * and the statushouders taakstelling shows it exactly to the provincie that supervises it. Hiding
 * it here while the statushouders section printed it was the leak the issue describes; it is
 * exact for every viewer now, like the taakstelling table.
 */
export const OPENBARE_INDICATOREN: ReadonlySet<string> = new Set(['STATUSHOUDERS_GEHUISVEST']);

export const HUISHOUDEN_KOLOMMEN: readonly string[] = indicatorenVan('TOEWIJZINGEN')
  .filter((i) => (i.berekening as ToewijzingenBerekening).telling === 'HUISHOUDENS')
  .map((i) => i.code);

/** persons indicator → the household indicator of the same group that decides its hiding */
export const PERSONEN_PARTNER: ReadonlyMap<string, string> = new Map(
  indicatorenVan('TOEWIJZINGEN')
    .filter((i) => (i.berekening as ToewijzingenBerekening).telling === 'PERSONEN')
    .map((i) => {
      const b = i.berekening as ToewijzingenBerekening;
      const partner = indicatorenVan('TOEWIJZINGEN').find((h) => {
        const hb = h.berekening as ToewijzingenBerekening;
        return (
          hb.telling === 'HUISHOUDENS' &&
          hb.aandachtsgroep === b.aandachtsgroep &&
          hb.alleenViaUrgentie === b.alleenViaUrgentie
        );
      });
      if (!partner) throw new Error(`no household indicator for persons indicator ${i.code}`);
      return [i.code, partner.code] as const;
    }),
);

export interface Afscherming {
  /** hidden in the per-gemeente table */
  verborgen(gemeente: string, indicatorCode: string): boolean;
  /** hidden as the area total */
  totaalVerborgen(indicatorCode: string): boolean;
}

export const GEEN_AFSCHERMING: Afscherming = { verborgen: () => false, totaalVerborgen: () => false };

export function bepaalAfscherming(
  gemeenten: readonly string[],
  waarde: (gemeente: string, code: string) => number,
): Afscherming {
  const tabel = gemeenten.map((g) => HUISHOUDEN_KOLOMMEN.map((code) => waarde(g, code)));
  const uitkomst = onderdrukTabel(tabel);
  const rij = new Map(gemeenten.map((g, i) => [g, i]));
  const kolom = new Map(HUISHOUDEN_KOLOMMEN.map((c, j) => [c, j]));
  const kolomVan = (code: string) =>
    OPENBARE_INDICATOREN.has(code) ? undefined : kolom.get(PERSONEN_PARTNER.get(code) ?? code);
  return {
    verborgen(gemeente, code) {
      const j = kolomVan(code);
      const i = rij.get(gemeente);
      return j !== undefined && i !== undefined && uitkomst.cellen[i][j].onderdrukt;
    },
    totaalVerborgen(code) {
      const j = kolomVan(code);
      return j !== undefined && uitkomst.kolomTotalen[j].onderdrukt;
    },
  };
}
